using System.Text.Json;
using Veo.Core.Providers;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Requests;

/// <summary>personGeneration, enhance_prompt and enable_upsample: sent only where a route takes them, checked by mode first.</summary>
public class OptionalInputsTests
{
    private static readonly VideoRequest Text = new() { Prompt = "Two people talk on a bench" };

    private static string Refusal(VideoRequest request, VideoRoute route) =>
        Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(request, route)).Message;

    private static JsonElement GeminiParameters(VideoRequest request) =>
        JsonDocument.Parse(GeminiProvider.Body(RequestValidator.Prepare(request, BuiltInRoutes.GeminiVeo)).ReadAsStringAsync().Result).RootElement.GetProperty("parameters");

    private static JsonElement UnifiedBody(VideoRequest request) =>
        JsonDocument.Parse(UnifiedVideoProvider.Body(RequestValidator.Prepare(request, BuiltInRoutes.Crazyrouter)).ReadAsStringAsync().Result).RootElement;

    [Fact]
    public void Text_to_video_on_Google_sends_allow_all() =>
        Assert.Equal("allow_all", GeminiParameters(Text with { PersonGeneration = "allow_all" }).GetProperty("personGeneration").GetString());

    [Fact]
    public void Image_to_video_on_Google_sends_allow_adult() =>
        Assert.Equal("allow_adult", GeminiParameters(Text with { PersonGeneration = "allow_adult", Image = TestImages.Landscape720Png }).GetProperty("personGeneration").GetString());

    [Fact]
    public void Left_out_it_is_not_sent() => Assert.False(GeminiParameters(Text).TryGetProperty("personGeneration", out _));

    [Theory]
    [InlineData("allow_adult", null, "TextToVideo on Google; that mode takes allow_all only")]
    [InlineData("dont_allow", null, "that mode takes allow_all only")]
    [InlineData("allow_all", "image", "ImageToVideo on Google; that mode takes allow_adult only")]
    public void A_value_the_mode_does_not_take_is_refused(string value, string? image, string expected) =>
        Assert.Contains(expected, Refusal(Text with { PersonGeneration = value, Image = image is null ? null : TestImages.Landscape720Png }, BuiltInRoutes.GeminiVeo));

    [Fact]
    public void A_route_without_it_says_so() =>
        Assert.Contains("Route LaoZhang takes no person-generation setting", Refusal(Text with { PersonGeneration = "allow_all" }, BuiltInRoutes.LaoZhang));

    [Fact]
    public void The_unified_flags_are_sent_as_given_and_only_then()
    {
        var body = UnifiedBody(Text with { EnhancePrompt = true, Upsample = false });
        Assert.True(body.GetProperty("enhance_prompt").GetBoolean());
        Assert.False(body.GetProperty("enable_upsample").GetBoolean());
        Assert.False(UnifiedBody(Text).TryGetProperty("enhance_prompt", out _));
    }

    [Fact]
    public void Upsampling_is_for_landscape_only() =>
        Assert.Contains("made for 16:9 videos only", Refusal(Text with { Upsample = true, AspectRatio = "9:16" }, BuiltInRoutes.Crazyrouter));

    [Fact]
    public void A_seed_is_refused_where_the_route_has_no_field_for_it_rather_than_dropped() =>
        Assert.Contains("does not take a seed; remove -Seed (-Route Vertex and -Route LaoZhang take one)", Refusal(Text with { Seed = 42 }, BuiltInRoutes.Crazyrouter));

    [Fact]
    public void LaoZhang_is_sent_the_seed_it_documents()
    {
        var prepared = RequestValidator.Prepare(Text with { Seed = 42 }, BuiltInRoutes.LaoZhang);
        Assert.Contains("name=seed", OpenAIVideosProvider.Form(prepared).ReadAsStringAsync().Result.Replace("\"", ""));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Vertex_is_sent_enhancePrompt_as_given_and_only_then(bool enhance)
    {
        var vertex = BuiltInRoutes.Vertex with { Project = "p" };
        using var asked = JsonDocument.Parse(VertexProvider.Body(RequestValidator.Prepare(Text with { EnhancePrompt = enhance }, vertex)).ReadAsStringAsync().Result);
        using var not = JsonDocument.Parse(VertexProvider.Body(RequestValidator.Prepare(Text, vertex)).ReadAsStringAsync().Result);

        Assert.Equal(enhance, asked.RootElement.GetProperty("parameters").GetProperty("enhancePrompt").GetBoolean());
        Assert.False(not.RootElement.GetProperty("parameters").TryGetProperty("enhancePrompt", out _));
        Assert.Contains("takes no upsampling", Refusal(Text with { Upsample = true }, vertex));
    }

    [Fact]
    public void Vertex_is_sent_compressionQuality_and_resizeMode_as_python_genai_spells_them()
    {
        var vertex = BuiltInRoutes.Vertex with { Project = "p" };
        var request = Text with { CompressionQuality = "LOSSLESS", ResizeMode = "PAD", Image = TestImages.Landscape720Png };
        using var body = JsonDocument.Parse(VertexProvider.Body(RequestValidator.Prepare(request, vertex)).ReadAsStringAsync().Result);

        var parameters = body.RootElement.GetProperty("parameters");
        Assert.Equal(("LOSSLESS", "PAD"), (parameters.GetProperty("compressionQuality").GetString(), parameters.GetProperty("resizeMode").GetString()));
        using var plain = JsonDocument.Parse(VertexProvider.Body(RequestValidator.Prepare(Text, vertex)).ReadAsStringAsync().Result);
        Assert.False(plain.RootElement.GetProperty("parameters").TryGetProperty("compressionQuality", out _));
    }

    [Theory]
    [InlineData("Google", "LOSSLESS", null, "Route Google takes no compression setting")]
    [InlineData("LaoZhang", null, "CROP", "Route LaoZhang takes no resize setting")]
    [InlineData("Vertex", "BEST", null, "-CompressionQuality BEST is not taken on Vertex; use OPTIMIZED or LOSSLESS")]
    [InlineData("Vertex", null, "CROP", "-ResizeMode says how an image is fitted")]
    public void Vertex_output_options_are_refused_where_they_do_not_apply(string route, string? quality, string? resize, string expected) =>
        Assert.Contains(expected, Refusal(Text with { CompressionQuality = quality, ResizeMode = resize }, BuiltInRoutes.Find(route)! with { Project = "p" }));

    [Fact]
    public void The_Gemini_API_refusal_says_why_and_where_it_is_taken() =>
        Assert.Contains("the Gemini API's Veo 3.1 parameters do not list it", Refusal(Text with { EnhancePrompt = true }, BuiltInRoutes.GeminiVeo));

    [Theory]
    [InlineData("LaoZhang")]
    [InlineData("Google")]
    public void The_unified_flags_are_refused_elsewhere(string route)
    {
        var message = Refusal(Text with { EnhancePrompt = true, Upsample = true }, BuiltInRoutes.Find(route)!);
        Assert.Contains("takes no prompt enhancement", message);
        Assert.Contains("takes no upsampling", message);
    }
}
