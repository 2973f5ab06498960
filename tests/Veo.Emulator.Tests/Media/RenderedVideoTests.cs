using Veo.Core.Media;

namespace Veo.Emulator.Tests.Media;

/// <summary>The emulator's videos are as long as was asked, at the fixture's size, with their audio: real MP4s, read by the module's reader.</summary>
public sealed class RenderedVideoTests
{
    private static Mp4Info Read(byte[] bytes) => Mp4Reader.Read(new MemoryStream(bytes));

    [Theory]
    [InlineData("landscape-720p", 4, 1280, 720)]
    [InlineData("landscape-720p", 6, 1280, 720)]
    [InlineData("portrait-720p", 8, 720, 1280)]
    [InlineData("landscape-1080p", 8, 1920, 1080)]
    [InlineData("portrait-4k", 8, 2160, 3840)]
    [InlineData("landscape-720p", 15, 1280, 720)]
    [InlineData("portrait-720p", 148, 720, 1280)]
    public void A_video_lasts_the_seconds_asked_at_the_fixture_s_size_with_audio(string fixture, int seconds, int width, int height)
    {
        var info = Read(Fixtures.Served(fixture, seconds));

        Assert.Equal((width, height, true), (info.Width, info.Height, info.HasAudio));
        Assert.Equal(seconds, info.Duration.TotalSeconds, 0.05);
    }

    [Fact]
    public void The_media_is_the_fixture_s_own_samples_repeated_not_filler()
    {
        var fixture = Fixtures.Bytes("landscape-720p");
        var eight = Fixtures.Served("landscape-720p", 8);
        var sixteen = Fixtures.Served("landscape-720p", 16);

        // Twice the seconds is about twice the media: every second carries its frames, and nothing is padding.
        Assert.InRange(eight.Length, 7 * fixture.Length, 9 * fixture.Length);
        Assert.InRange(sixteen.Length - eight.Length, (long)(0.95 * (eight.Length - fixture.Length)), 2L * eight.Length);
    }

    [Fact]
    public void The_layout_keeps_the_room_a_large_video_needs()
    {
        // ftyp, moov, an 8-byte free box and mdat last: the layout LargeVideo (and ffmpeg's +faststart) relies on.
        var bytes = Fixtures.Served("landscape-720p", 8);
        var boxes = new List<string>();
        for (var offset = 0; offset < bytes.Length;)
        {
            var size = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
            boxes.Add(System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4));
            offset += size;
        }
        Assert.Equal(["ftyp", "moov", "free", "mdat"], boxes);
    }
}
