using Veo.Core.Media;
using static Veo.Core.Tests.Media.Bytes;
using static Veo.Core.Tests.Media.Mp4Builder;

namespace Veo.Core.Tests.Media;

/// <summary>Box layouts a valid MP4 may have, beyond what the fixtures show.</summary>
public class Mp4ReaderLayoutTests
{
    private static readonly byte[] Fixture = File.ReadAllBytes(TestFiles.Fixture("landscape-720p.mp4"));
    private static readonly Mp4Info FixtureInfo = new(1280, 720, TimeSpan.FromSeconds(1), true, "isom", "avc1");

    [Fact]
    public void A_file_whose_moov_comes_after_the_media_is_read_the_same()
    {
        // What ffmpeg writes without -movflags +faststart.
        var moovLast = Concat(
            TopLevelBoxOf(Fixture, "ftyp"),
            TopLevelBoxOf(Fixture, "free"),
            TopLevelBoxOf(Fixture, "mdat"),
            TopLevelBoxOf(Fixture, "moov"));

        Assert.Equal(FixtureInfo, Mp4Reader.Read(new MemoryStream(moovLast)));
    }

    [Fact]
    public void Free_and_skip_boxes_may_come_before_ftyp()
    {
        var file = Concat(Box("free", Zeros(10)), Box("skip"), Fixture);

        Assert.Equal(FixtureInfo, Mp4Reader.Read(new MemoryStream(file)));
    }

    [Fact]
    public void A_box_with_a_64_bit_largesize_is_skipped_by_that_size()
    {
        var file = Concat(
            TopLevelBoxOf(Fixture, "ftyp"),
            LargeBox("mdat", Zeros(5000)),
            TopLevelBoxOf(Fixture, "moov"));

        Assert.Equal(FixtureInfo, Mp4Reader.Read(new MemoryStream(file)));
    }

    [Fact]
    public void A_last_box_of_size_zero_runs_to_the_end_of_the_file()
    {
        var file = Concat(
            TopLevelBoxOf(Fixture, "ftyp"),
            TopLevelBoxOf(Fixture, "moov"),
            BoxDeclaringSize(0, "mdat", Zeros(5000)));

        Assert.Equal(FixtureInfo, Mp4Reader.Read(new MemoryStream(file)));
    }

    [Fact]
    public void A_box_of_size_zero_swallows_everything_after_it_including_a_later_moov()
    {
        var file = Concat(
            TopLevelBoxOf(Fixture, "ftyp"),
            BoxDeclaringSize(0, "mdat", Zeros(5000)),
            TopLevelBoxOf(Fixture, "moov"));

        var error = Assert.Throws<InvalidVideoException>(() => Mp4Reader.Read(new MemoryStream(file)));
        Assert.Equal(InvalidVideoReason.NoMovie, error.Reason);
    }

    [Fact]
    public void Version_1_headers_with_64_bit_durations_are_read()
    {
        var file = Concat(
            FileType("mp42"),
            Movie(
                MovieHeader(version: 1, timescale: 90000, duration: 90000UL * 8),
                VideoTrack(1920, 1080, "hvc1", version: 1, mediaHeader: MediaHeader(1, 90000, 90000UL * 8)),
                AudioTrack()));

        var info = Mp4Reader.Read(new MemoryStream(file));

        Assert.Equal(new Mp4Info(1920, 1080, TimeSpan.FromSeconds(8), true, "mp42", "hvc1"), info);
    }

    [Fact]
    public void A_video_turned_a_quarter_turn_by_its_track_matrix_reports_its_upright_size()
    {
        var file = Concat(FileType(), Movie(MovieHeader(0, 1000, 4000), VideoTrack(1920, 1080, quarterTurn: true)));

        var info = Mp4Reader.Read(new MemoryStream(file));

        Assert.Equal((1080, 1920), (info.Width, info.Height));
    }

    [Fact]
    public void Without_audio_HasAudio_is_false()
    {
        var file = Concat(FileType(), Movie(MovieHeader(0, 1000, 4000), VideoTrack(1280, 720)));

        Assert.False(Mp4Reader.Read(new MemoryStream(file)).HasAudio);
    }

    [Fact]
    public void When_the_movie_header_leaves_the_duration_unset_the_video_track_duration_is_used()
    {
        var file = Concat(
            FileType(),
            Movie(MovieHeader(0, 1000, duration: 0), VideoTrack(1280, 720, mediaHeader: MediaHeader(0, 24, 24 * 6))));

        Assert.Equal(TimeSpan.FromSeconds(6), Mp4Reader.Read(new MemoryStream(file)).Duration);
    }

    [Fact]
    public void A_2_GiB_file_with_moov_at_the_end_costs_a_few_kilobytes_of_reading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"veo-huge-mdat-{Guid.NewGuid():N}.mp4");
        try
        {
            WriteSparseFileWithHugeMediaBeforeMoov(path, mediaBytes: 2L << 30);
            using var stream = new CountingStream(File.OpenRead(path));

            var info = Mp4Reader.Read(stream);

            Assert.Equal(FixtureInfo, info);
            Assert.True(stream.BytesRead < 8 * 1024, $"read {stream.BytesRead} bytes");
            Assert.Equal(FixtureInfo, Mp4Reader.ReadFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>ftyp, an mdat whose largesize spans the media, then moov; the media itself is never written (a hole).</summary>
    private static void WriteSparseFileWithHugeMediaBeforeMoov(string path, long mediaBytes)
    {
        using var file = File.Create(path);
        file.Write(TopLevelBoxOf(Fixture, "ftyp"));
        file.Write(Concat(UInt32BigEndian(1), Ascii("mdat"), UInt64BigEndian(16 + mediaBytes)));
        file.Seek(mediaBytes, SeekOrigin.Current);
        file.Write(TopLevelBoxOf(Fixture, "moov"));
    }
}
