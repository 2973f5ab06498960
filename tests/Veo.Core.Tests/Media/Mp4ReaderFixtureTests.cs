using Veo.Core.Media;

namespace Veo.Core.Tests.Media;

/// <summary>The emulator's fixtures are real ffmpeg output: H.264 video, AAC audio, one second, moov first.</summary>
public class Mp4ReaderFixtureTests
{
    [Theory]
    [InlineData("landscape-720p.mp4", 1280, 720)]
    [InlineData("landscape-1080p.mp4", 1920, 1080)]
    [InlineData("landscape-4k.mp4", 3840, 2160)]
    [InlineData("portrait-720p.mp4", 720, 1280)]
    [InlineData("portrait-1080p.mp4", 1080, 1920)]
    [InlineData("portrait-4k.mp4", 2160, 3840)]
    public void A_fixture_reads_as_a_one_second_h264_video_with_audio(string fixture, int width, int height)
    {
        var info = Mp4Reader.ReadFile(TestFiles.Fixture(fixture));

        Assert.Equal(new Mp4Info(width, height, TimeSpan.FromSeconds(1), HasAudio: true, "isom", "avc1"), info);
    }

    [Fact]
    public void Reading_a_stream_gives_the_same_as_reading_the_file_and_leaves_the_position_where_it_was()
    {
        var path = TestFiles.Fixture("portrait-720p.mp4");
        using var stream = new MemoryStream(File.ReadAllBytes(path));
        stream.Position = 123;

        var info = Mp4Reader.Read(stream);

        Assert.Equal(Mp4Reader.ReadFile(path), info);
        Assert.Equal(123, stream.Position);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_refused_because_moov_may_come_last()
    {
        using var stream = new CountingStream(File.OpenRead(TestFiles.Fixture("landscape-720p.mp4")), seekable: false);

        Assert.Throws<ArgumentException>(() => Mp4Reader.Read(stream));
    }
}
