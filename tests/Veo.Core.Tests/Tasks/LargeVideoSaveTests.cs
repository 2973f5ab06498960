using Veo.Core.Routes;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Tasks;

/// <summary>The emulator's large videos (a 64-bit 'mdat' of filler) save and read like any other MP4.</summary>
public sealed class LargeVideoSaveTests : EmulatorAndHomeTest
{
    private const long Size = 12 * 1024 * 1024 + 3;

    protected override void Configure(EmulatorOptions options) => options.LargeVideoBytes = Size;

    [Fact]
    public async Task A_large_video_is_saved_whole_and_reads_as_the_fixture_it_was_made_from()
    {
        var saved = await new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang).MakeAsync(BadRequests.Valid);

        Assert.Equal(Size, new FileInfo(saved.File.Path).Length);
        Assert.Equal(Size, saved.File.Length);
        Assert.Equal((1280, 720, 1.0, true), (saved.File.Width, saved.File.Height, saved.File.Duration, saved.File.HasAudio));
        Assert.False(File.Exists(saved.File.Path + ".partial"));
    }

    [Fact]
    public async Task A_partial_file_left_by_a_save_cut_short_is_replaced_not_written_over()
    {
        // The .partial is created anew (VideoSaver.CreatePartial), not truncated: one left behind, longer than the
        // video and locked by nobody, must neither stop the save nor leave its tail after the new bytes.
        var path = Home.PathOf("out.mp4");
        var stale = new byte[Size + 4096];
        Array.Fill(stale, (byte)0x5A);
        await File.WriteAllBytesAsync(path + ".partial", stale);

        var saved = await new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang).MakeAsync(BadRequests.Valid);

        Assert.Equal(path, saved.File.Path);
        Assert.Equal(Size, new FileInfo(path).Length);
        Assert.Equal((1280, 720), (saved.File.Width, saved.File.Height));
        Assert.False(File.Exists(path + ".partial"));
    }
}
