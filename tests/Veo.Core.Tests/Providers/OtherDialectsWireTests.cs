using System.Text.Json;
using Veo.Core.Routes;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Providers;

/// <summary>What the unified-video and Gemini dialects put on the wire, and where the key goes.</summary>
public class OtherDialectsWireTests : EmulatorAndHomeTest
{
    private JsonElement CreateBody() => JsonDocument.Parse(Assert.Single(Emulator.Requests, r => r.Method == "POST").JsonBody!).RootElement;

    [Fact]
    public async Task Unified_video_sends_json_with_images_inline_and_fetches_the_cdn_url_without_the_key()
    {
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.Crazyrouter);
        var saved = await flow.MakeAsync(BadRequests.Valid with { Model = "Standard", DurationSeconds = 6, AspectRatio = "9:16", Image = TestImages.Portrait720Png });

        var body = CreateBody();
        Assert.Equal(("veo-3.1", "9:16", "720P", 6), (body.GetProperty("model").GetString(), body.GetProperty("aspect_ratio").GetString(),
            body.GetProperty("size").GetString(), body.GetProperty("duration").GetInt32()));
        Assert.StartsWith("data:image/png;base64,", body.GetProperty("images")[0].GetString());
        var create = Assert.Single(Emulator.Requests, r => r.Method == "POST");
        Assert.Equal("Bearer " + TestHome.Key, create.Headers["Authorization"]);
        var cdn = Assert.Single(Emulator.Requests, r => r.Path.StartsWith("/cdn/") && r.StatusCode == 200);
        Assert.False(cdn.Headers.ContainsKey("Authorization"), "the key was sent to the CDN");
        Assert.Equal((720, 1280), (saved.File.Width, saved.File.Height));
    }

    [Fact]
    public async Task Gemini_sends_instances_and_parameters_with_the_goog_key_header()
    {
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.GeminiVeo);
        var refs = new[] { TestImages.Landscape720Png, TestImages.Landscape720Jpeg };
        var saved = await flow.MakeAsync(BadRequests.Valid with { Model = "veo-3.1-generate-preview", Resolution = "1080p", ReferenceImages = refs });

        var create = Assert.Single(Emulator.Requests, r => r.Method == "POST");
        Assert.Equal("/v1beta/models/veo-3.1-generate-preview:predictLongRunning", create.Path);
        Assert.Equal(TestHome.Key, create.Headers["x-goog-api-key"]);
        Assert.False(create.Headers.ContainsKey("Authorization"));
        var body = CreateBody();
        var instance = Assert.Single(body.GetProperty("instances").EnumerateArray());
        Assert.Equal(BadRequests.Valid.Prompt, instance.GetProperty("prompt").GetString());
        var references = instance.GetProperty("referenceImages").EnumerateArray().ToList();
        Assert.Equal(2, references.Count);
        Assert.Equal("ASSET", references[0].GetProperty("referenceType").GetString());
        Assert.Equal("image/jpeg", references[1].GetProperty("image").GetProperty("mimeType").GetString());
        Assert.Equal(Convert.ToBase64String(File.ReadAllBytes(refs[0])), references[0].GetProperty("image").GetProperty("bytesBase64Encoded").GetString());
        var parameters = body.GetProperty("parameters");
        Assert.Equal(("16:9", "1080p", 8), (parameters.GetProperty("aspectRatio").GetString(), parameters.GetProperty("resolution").GetString(), parameters.GetProperty("durationSeconds").GetInt32()));
        Assert.Equal((1920, 1080), (saved.File.Width, saved.File.Height));
        Assert.Contains(Emulator.Requests, r => r.Path.Contains(":download") && r.StatusCode == 302);
    }

    [Fact]
    public void Gemini_refuses_a_seed_before_any_call_as_the_official_sdk_does()
    {
        var error = Assert.Throws<Core.Requests.RequestValidationException>(() =>
            Core.Requests.RequestValidator.Prepare(BadRequests.Valid with { Seed = 7 }, BuiltInRoutes.GeminiVeo));
        Assert.Contains("does not take a seed", error.Message);
    }
}
