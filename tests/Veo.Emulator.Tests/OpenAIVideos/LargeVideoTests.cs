using System.Buffers.Binary;
using System.Text;

namespace Veo.Emulator.Tests.OpenAIVideos;

/// <summary>LargeVideoBytes: a valid MP4 of any size, made from the fixture, for download benchmarks.</summary>
public sealed class LargeVideoTests : OpenAIVideosTest
{
    private const long Size = 3 * 1024 * 1024 + 5;
    // landscape-720p: ftyp (32) + moov (2164), then an 8-byte 'free' box and the 'mdat' (see make-fixtures.sh).
    private const int FixtureHeadLength = 2196;
    private const int FixtureMediaOffset = FixtureHeadLength + 16;

    protected override EmulatorOptions Options => new()
    {
        ManualClock = true,
        QueueTime = QueueTime,
        RenderTime = RenderTime,
        ContentLag = ContentLag,
        LargeVideoBytes = Size,
    };

    private async Task<(byte[] Body, long? ContentLength)> RenderLargeAsync()
    {
        var id = await CreateTaskAsync();
        AdvanceToContentReady();
        using var response = await Client.GetAsync($"v1/videos/{id}/content");
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task The_video_has_exactly_the_size_asked_for_and_says_so_in_Content_Length()
    {
        var (body, contentLength) = await RenderLargeAsync();

        Assert.Equal(Size, body.LongLength);
        Assert.Equal(Size, contentLength);
    }

    [Fact]
    public async Task It_starts_with_the_fixtures_ftyp_and_moov_unchanged()
    {
        var fixture = Fixtures.Bytes("landscape-720p");
        var (body, _) = await RenderLargeAsync();

        Assert.Equal("free", Encoding.ASCII.GetString(fixture, FixtureHeadLength + 4, 4));
        Assert.Equal(fixture[..FixtureHeadLength], body[..FixtureHeadLength]);
    }

    [Fact]
    public async Task Then_one_mdat_with_a_64_bit_size_runs_to_the_end_of_the_file()
    {
        var (body, _) = await RenderLargeAsync();

        Assert.Equal(1u, BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(FixtureHeadLength)));
        Assert.Equal("mdat", Encoding.ASCII.GetString(body, FixtureHeadLength + 4, 4));
        Assert.Equal((ulong)(Size - FixtureHeadLength), BinaryPrimitives.ReadUInt64BigEndian(body.AsSpan(FixtureHeadLength + 8)));
    }

    [Fact]
    public async Task The_fixtures_media_keeps_its_offset_so_the_sample_tables_still_point_at_it()
    {
        var fixture = Fixtures.Bytes("landscape-720p");
        var (body, _) = await RenderLargeAsync();

        Assert.Equal(fixture[FixtureMediaOffset..], body[FixtureMediaOffset..fixture.Length]);
    }

    [Fact]
    public async Task The_filler_after_the_media_is_not_all_zeros()
    {
        var fixture = Fixtures.Bytes("landscape-720p");
        var (body, _) = await RenderLargeAsync();

        Assert.Contains(body[fixture.Length..], b => b != 0);
    }

    [Fact]
    public async Task A_size_too_small_to_hold_the_fixtures_is_refused_at_start() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StartAsync(new EmulatorOptions { LargeVideoBytes = 1000 }));
}
