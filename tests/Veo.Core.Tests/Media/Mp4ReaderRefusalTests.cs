using System.Text;
using Veo.Core.Media;
using static Veo.Core.Tests.Media.Bytes;
using static Veo.Core.Tests.Media.Mp4Builder;

namespace Veo.Core.Tests.Media;

/// <summary>Files that are not, or no longer, MP4 videos are refused with a message that says what is wrong.</summary>
public class Mp4ReaderRefusalTests
{
    private static readonly byte[] Fixture = File.ReadAllBytes(TestFiles.Fixture("landscape-720p.mp4"));

    public static TheoryData<int> CutPoints()
    {
        var boxes = TopLevelBoxes(Fixture);
        var moov = boxes.Single(box => box.Type == "moov");
        var mdat = boxes.Single(box => box.Type == "mdat");
        return new TheoryData<int>
        {
            6, // inside the ftyp header
            20, // inside the ftyp payload
            moov.Offset + 4, // inside the moov header
            moov.Offset + 1000, // inside moov
            mdat.Offset + 3, // inside the mdat header
            mdat.Offset + 5000, // inside the media: moov is intact, but the video is not
            Fixture.Length - 1, // one byte short
        };
    }

    [Theory]
    [MemberData(nameof(CutPoints))]
    public void A_truncated_file_is_refused_with_the_offset_where_it_ends_and_how_much_is_missing(int cutAt)
    {
        var cut = Fixture.Take(cutAt).ToArray();

        var error = Read(cut);

        Assert.Equal(InvalidVideoReason.Truncated, error.Reason);
        Assert.Contains($"ends after {cutAt} bytes", error.Message);
        Assert.Contains($"{ExpectedMissingBytes(cutAt)} bytes are missing", error.Message);
        Assert.Contains("download", error.Message);
    }

    [Fact]
    public void A_largesize_box_running_past_the_end_is_refused_as_truncated()
    {
        var file = Concat(TopLevelBoxOf(Fixture, "ftyp"), TopLevelBoxOf(Fixture, "moov"), LargeBox("mdat", Zeros(5000)));
        var cut = file.Take(file.Length - 1000).ToArray();

        var error = Read(cut);

        Assert.Equal(InvalidVideoReason.Truncated, error.Reason);
        Assert.Contains("1000 bytes are missing", error.Message);
    }

    [Fact]
    public void An_empty_file_is_not_an_mp4()
    {
        var error = Read(Array.Empty<byte>());

        Assert.Equal(InvalidVideoReason.NotMp4, error.Reason);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void A_file_too_short_for_a_box_header_is_not_an_mp4()
    {
        var error = Read(new byte[] { 0, 0, 0 });

        Assert.Equal(InvalidVideoReason.NotMp4, error.Reason);
        Assert.Contains("only 3 bytes long (00 00 00)", error.Message);
    }

    [Fact]
    public void Random_bytes_are_not_an_mp4_and_the_message_shows_the_first_bytes_in_hex()
    {
        var noise = new byte[4096];
        new Random(1234).NextBytes(noise);

        var error = Read(noise);

        Assert.Equal(InvalidVideoReason.NotMp4, error.Reason);
        Assert.Contains(BitConverter.ToString(noise, 0, 4).Replace('-', ' '), error.Message);
    }

    [Fact]
    public void An_html_error_page_saved_as_mp4_is_not_an_mp4_and_the_message_quotes_it()
    {
        var page = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>403 Forbidden</h1></body></html>\n");

        var error = Read(page);

        Assert.Equal(InvalidVideoReason.NotMp4, error.Reason);
        Assert.Contains("\"<!DOCTYPE html><\"", error.Message);
        Assert.Contains("error page", error.Message);
    }

    [Fact]
    public void A_file_without_moov_is_refused()
    {
        var file = Concat(TopLevelBoxOf(Fixture, "ftyp"), TopLevelBoxOf(Fixture, "mdat"));

        Assert.Equal(InvalidVideoReason.NoMovie, Read(file).Reason);
    }

    [Fact]
    public void A_file_with_only_an_audio_track_is_refused_as_having_no_video()
    {
        var file = Concat(FileType("M4A "), Movie(MovieHeader(0, 1000, 3000), AudioTrack()));

        var error = Read(file);

        Assert.Equal(InvalidVideoReason.NoVideoTrack, error.Reason);
        Assert.Contains("only audio", error.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    public void A_box_claiming_to_be_smaller_than_its_header_is_refused_rather_than_walked_forever(long size)
    {
        var file = Concat(TopLevelBoxOf(Fixture, "ftyp"), BoxDeclaringSize(size, "junk", Zeros(64)));

        var error = Read(file);

        Assert.Equal(InvalidVideoReason.Malformed, error.Reason);
        Assert.Contains($"size of {size} bytes", error.Message);
    }

    [Fact]
    public void A_largesize_smaller_than_the_large_header_is_refused()
    {
        var file = Concat(TopLevelBoxOf(Fixture, "ftyp"), UInt32BigEndian(1), Ascii("mdat"), UInt64BigEndian(8), Zeros(64));

        Assert.Equal(InvalidVideoReason.Malformed, Read(file).Reason);
    }

    [Fact]
    public void A_box_overrunning_the_box_around_it_is_refused_as_damaged()
    {
        var overrunningTrack = BoxDeclaringSize(5000, "trak", Zeros(32));
        var file = Concat(FileType(), Movie(MovieHeader(0, 1000, 1000), overrunningTrack));

        var error = Read(file);

        Assert.Equal(InvalidVideoReason.Malformed, error.Reason);
        Assert.Contains("'trak'", error.Message);
        Assert.Contains("'moov'", error.Message);
    }

    [Fact]
    public void A_movie_header_with_a_zero_timescale_is_refused_as_damaged()
    {
        var file = Concat(FileType(), Movie(MovieHeader(0, timescale: 0, duration: 1000), VideoTrack(1280, 720)));

        Assert.Equal(InvalidVideoReason.Malformed, Read(file).Reason);
    }

    private static InvalidVideoException Read(byte[] file) =>
        Assert.Throws<InvalidVideoException>(() => Mp4Reader.Read(new MemoryStream(file)));

    /// <summary>A cut inside a box header misses the rest of the header; a cut after it misses the rest of the box.</summary>
    private static long ExpectedMissingBytes(int cutAt)
    {
        var box = TopLevelBoxes(Fixture).Single(b => b.Offset <= cutAt && cutAt < b.End);
        const int headerSize = 8;
        return cutAt - box.Offset < headerSize ? headerSize - (cutAt - box.Offset) : box.End - cutAt;
    }
}
