using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Providers;

/// <summary>
/// The Gemini create requests @google/genai sent (Providers/GeminiSdkRequests) are what Veo's Gemini provider must send,
/// body for body (GeminiSdkRequestTests). These check the fixtures themselves: every mode is there, and every inline
/// image is a committed test image byte for byte, so the provider test sends the very same files.
/// </summary>
public class GeminiSdkRequestFixtureTests
{
    public static IEnumerable<object[]> Modes => SdkRequests.Modes(SdkRequests.Gemini);

    [Fact]
    public void The_sdk_requests_cover_text_image_first_and_last_frame_and_reference_images() =>
        Assert.Subset(Modes.Select(m => (string)m[0]).ToHashSet(),
            new HashSet<string> { "text", "image", "image-last-frame", "reference-images" });

    [Theory]
    [MemberData(nameof(Modes))]
    public void Each_request_is_a_predictLongRunning_call_with_the_key_header(string mode)
    {
        var fixture = SdkRequests.Load(SdkRequests.Gemini, mode);
        var model = fixture.GetProperty("path").GetString()!;

        Assert.Equal("POST", fixture.GetProperty("method").GetString());
        Assert.Matches(@"^/v1beta/models/veo-3\.1-[a-z-]+:predictLongRunning$", model);
        Assert.Equal("<api key>", fixture.GetProperty("headers").GetProperty("x-goog-api-key").GetString());
        Assert.False(fixture.GetProperty("headers").TryGetProperty("authorization", out _));
        Assert.Equal(1, fixture.GetProperty("body").GetProperty("instances").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_inline_image_is_a_committed_test_image(string mode)
    {
        var fixture = SdkRequests.Load(SdkRequests.Gemini, mode);
        var body = fixture.GetProperty("body");

        foreach (var image in fixture.GetProperty("images").EnumerateObject())
        {
            var inline = SdkRequests.At(body, image.Name);
            var bytes = File.ReadAllBytes(SdkRequests.ImagePath(image.Value.GetString()!));
            Assert.Equal(Convert.ToBase64String(bytes), inline.GetProperty("bytesBase64Encoded").GetString());
            Assert.StartsWith("image/", inline.GetProperty("mimeType").GetString());
        }
    }
}
