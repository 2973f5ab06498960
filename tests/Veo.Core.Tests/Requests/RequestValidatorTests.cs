using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Requests;

public class RequestValidatorTests
{
    private static readonly VideoRoute LaoZhang = BuiltInRoutes.LaoZhang;

    internal static PreparedRequest Prepare(VideoRequest request) => RequestValidator.Prepare(request, LaoZhang);

    [Theory]
    [MemberData(nameof(BadRequests.Names), MemberType = typeof(BadRequests))]
    public void A_bad_request_is_refused_with_a_message_that_says_what_to_change(string name)
    {
        var (request, expected) = BadRequests.Case(name);
        var error = Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(request, LaoZhang));
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_table_holds_at_least_thirty_bad_inputs() => Assert.True(BadRequests.Count >= 30);

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var request = BadRequests.Valid with { Prompt = "", DurationSeconds = 5, AspectRatio = "1:1" };
        var error = Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(request, LaoZhang));
        Assert.Equal(3, error.Problems.Count);
    }

    [Theory]
    [InlineData("Fast", "veo-3.1-fast-generate-preview")]
    [InlineData("fast", "veo-3.1-fast-generate-preview")]
    [InlineData("veo-3.1-fast", "veo-3.1-fast-generate-preview")]
    [InlineData("Standard", "veo-3.1-generate-preview")]
    [InlineData("veo-3.1", "veo-3.1-generate-preview")]
    [InlineData("veo-3.1-generate-preview", "veo-3.1-generate-preview")]
    public void Aliases_and_raw_ids_become_the_routes_own_model_id(string model, string wireId)
    {
        var prepared = RequestValidator.Prepare(BadRequests.Valid with { Model = model }, LaoZhang);
        Assert.Equal(wireId, prepared.Model.Id);
    }

    [Theory]
    [InlineData("720p", "16:9", "1280x720")]
    [InlineData("720P", "9:16", "720x1280")]
    [InlineData("1080p", "16:9", "1920x1080")]
    [InlineData("1080p", "portrait", "1080x1920")]
    [InlineData("4K", "16:9", "3840x2160")]
    [InlineData("2160p", "9:16", "2160x3840")]
    public void Resolution_and_aspect_ratio_give_the_pixel_size(string resolution, string aspect, string size)
    {
        var prepared = RequestValidator.Prepare(BadRequests.Valid with { Resolution = resolution, AspectRatio = aspect }, LaoZhang);
        Assert.Equal(size, prepared.Size.ToString());
    }

    [Fact]
    public void An_image_whose_size_differs_from_the_video_is_a_warning_not_an_error()
    {
        var prepared = RequestValidator.Prepare(BadRequests.Valid with { Image = TestImages.Small }, LaoZhang);
        var warning = Assert.Single(prepared.Warnings);
        Assert.Contains("320x240", warning);
        Assert.Contains("1280x720", warning);
    }

    [Fact]
    public void Images_are_typed_by_their_bytes()
    {
        var prepared = RequestValidator.Prepare(BadRequests.Valid with { Image = TestImages.Landscape720WebP, LastFrame = TestImages.Landscape720Jpeg }, LaoZhang);
        Assert.Equal("image/webp", prepared.FirstFrame!.MimeType);
        Assert.Equal("image/jpeg", prepared.LastFrame!.MimeType);
        Assert.Empty(prepared.Warnings);
    }

    [Fact]
    public void A_route_without_a_mode_says_so_before_any_call()
    {
        var error = Assert.Throws<RequestValidationException>(() =>
            RequestValidator.Prepare(BadRequests.Valid with { Image = TestImages.Landscape720Png, LastFrame = TestImages.Landscape720Png }, BuiltInRoutes.Crazyrouter));
        Assert.Contains("has no first/last-frame mode", error.Message);
    }
}
