using System.Text.Json;
using System.Text.Json.Nodes;
using Veo.Core.Providers;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Providers;

/// <summary>Veo's Gemini provider sends, body for body, what @google/genai sends for the same video.</summary>
public class GeminiSdkRequestTests
{
    public static IEnumerable<object[]> Modes => SdkRequests.Modes(SdkRequests.Gemini);

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_create_body_is_the_one_the_official_sdk_sends(string mode)
    {
        var fixture = SdkRequests.Load(SdkRequests.Gemini, mode);
        var expected = JsonNode.Parse(fixture.GetProperty("body").GetRawText())!;
        var parameters = expected["parameters"]!.AsObject();
        var instance = expected["instances"]![0]!;
        var images = fixture.GetProperty("images").EnumerateObject().ToDictionary(p => p.Name, p => SdkRequests.ImagePath(p.Value.GetString()!));

        var request = new VideoRequest
        {
            Prompt = instance["prompt"]!.GetValue<string>(),
            Model = fixture.GetProperty("path").GetString()!.Split('/', ':')[3],
            DurationSeconds = parameters["durationSeconds"]!.GetValue<int>(),
            AspectRatio = parameters["aspectRatio"]!.GetValue<string>(),
            Resolution = parameters["resolution"]!.GetValue<string>(),
            NegativePrompt = parameters["negativePrompt"]?.GetValue<string>(),
            PersonGeneration = parameters["personGeneration"]?.GetValue<string>(),
            Image = images.GetValueOrDefault("instances[0].image"),
            LastFrame = images.GetValueOrDefault("instances[0].lastFrame"),
            ReferenceImages = images.Where(i => i.Key.StartsWith("instances[0].referenceImages")).OrderBy(i => i.Key).Select(i => i.Value).ToList(),
        };
        var body = await GeminiProvider.Body(RequestValidator.Prepare(request, BuiltInRoutes.GeminiVeo)).ReadAsStringAsync();

        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(body)),
            $"Veo sent{Environment.NewLine}{Shorten(body)}{Environment.NewLine}the SDK sent{Environment.NewLine}{Shorten(expected.ToJsonString())}");
    }

    [Theory]
    [InlineData("https://generativelanguage.googleapis.com/v1beta/files/abc-123:download?alt=media", "v1beta/files/abc-123:download?alt=media")]
    [InlineData("https://127.0.0.1:5080/v1beta/files/xyz:download?alt=media", "v1beta/files/xyz:download?alt=media")]
    [InlineData("https://storage.example.com/video.mp4", "https://storage.example.com/video.mp4")]
    public void The_video_is_fetched_by_its_file_id_from_the_routes_own_base(string uri, string fetched) =>
        Assert.Equal(fetched, GeminiProvider.FileDownload(uri));

    private static string Shorten(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"[A-Za-z0-9+/=]{80,}\"", "\"<base64>\"");
}
