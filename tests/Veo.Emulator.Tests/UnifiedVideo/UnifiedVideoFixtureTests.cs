namespace Veo.Emulator.Tests.UnifiedVideo;

public sealed class UnifiedVideoFixtureTests : UnifiedVideoTest
{
    [Fact]
    public async Task Without_size_or_aspect_the_video_is_720p_landscape() =>
        Assert.Equal(Fixtures.Served("landscape-720p"), await RenderAsync(new { model = "veo-3.1", prompt = "x" }));

    [Fact]
    public async Task A_1080P_portrait_request_is_served_portrait_1080p() =>
        Assert.Equal(Fixtures.Served("portrait-1080p"), await RenderAsync(new { model = "veo-3.1", prompt = "x", aspect_ratio = "9:16", size = "1080P" }));

    [Fact]
    public async Task A_4K_request_is_served_4K_without_any_metadata() =>
        Assert.Equal(Fixtures.Served("landscape-4k"), await RenderAsync(new { model = "veo-3.1", prompt = "x", size = "4K", duration = 8 }));

    [Fact]
    public async Task A_pixel_size_sets_the_orientation() =>
        Assert.Equal(Fixtures.Served("portrait-720p"), await RenderAsync(new { model = "veo-3.1", prompt = "x", size = "720x1280" }));

    [Fact]
    public async Task The_orientation_field_alone_sets_the_orientation() =>
        Assert.Equal(Fixtures.Served("portrait-720p"), await RenderAsync(new { model = "veo-3.1", prompt = "x", orientation = "portrait" }));
}
