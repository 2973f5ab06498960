namespace Veo.Emulator.Tests.OpenAIVideos;

/// <summary>The served MP4 follows the request, including the document's 4K trap.</summary>
public sealed class FixtureSelectionTests : OpenAIVideosTest
{
    private const string Native4KMetadata = "{\"durationSeconds\":8,\"resolution\":\"4k\",\"aspectRatio\":\"16:9\"}";

    private async Task<byte[]> RenderAsync(VideoForm form)
    {
        var id = await CreateTaskAsync(form);
        AdvanceToContentReady();
        return await DownloadAsync(id);
    }

    [Fact]
    public async Task Without_size_or_resolution_the_video_is_720p_landscape() =>
        Assert.Equal(Fixtures.Served("landscape-720p"), await RenderAsync(VideoForm.TextToVideo()));

    [Theory]
    [InlineData("1280x720", "landscape-720p")]
    [InlineData("720x1280", "portrait-720p")]
    [InlineData("1920x1080", "landscape-1080p")]
    [InlineData("1080x1920", "portrait-1080p")]
    public async Task The_size_picks_orientation_and_resolution(string size, string fixture) =>
        Assert.Equal(Fixtures.Served(fixture), await RenderAsync(VideoForm.TextToVideo().Field("seconds", "8").Field("size", size)));

    [Fact]
    public async Task Without_a_size_the_aspect_ratio_picks_the_orientation() =>
        Assert.Equal(Fixtures.Served("portrait-1080p"),
            await RenderAsync(VideoForm.TextToVideo().Field("aspectRatio", "9:16").Field("resolution", "1080p")));

    [Fact]
    public async Task A_4K_request_without_metadata_resolution_4k_comes_back_1080p() =>
        Assert.Equal(Fixtures.Served("landscape-1080p"),
            await RenderAsync(VideoForm.TextToVideo().Field("seconds", "8").Field("size", "3840x2160").Field("resolution", "4k")));

    [Fact]
    public async Task A_4K_request_whose_metadata_says_another_resolution_comes_back_1080p() =>
        Assert.Equal(Fixtures.Served("landscape-1080p"),
            await RenderAsync(VideoForm.TextToVideo().Field("size", "3840x2160").Field("metadata", "{\"resolution\":\"1080p\"}")));

    [Fact]
    public async Task A_4K_request_with_metadata_resolution_4k_comes_back_4K() =>
        Assert.Equal(Fixtures.Served("landscape-4k"),
            await RenderAsync(VideoForm.TextToVideo().Field("seconds", "8").Field("size", "3840x2160").Field("resolution", "4k")
                .Field("metadata", Native4KMetadata)));

    [Fact]
    public async Task A_portrait_4K_request_with_metadata_comes_back_portrait_4K() =>
        Assert.Equal(Fixtures.Served("portrait-4k"),
            await RenderAsync(VideoForm.TextToVideo().Field("size", "2160x3840")
                .Field("metadata", "{\"durationSeconds\":8,\"resolution\":\"4k\",\"aspectRatio\":\"9:16\"}")));
}
