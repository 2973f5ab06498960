using System.Text.Json.Nodes;

namespace Veo.Emulator.Tests.Gemini;

/// <summary>Extension on the Gemini API: only this service's own finished, kept, 720p videos, continued by 7 seconds.</summary>
public sealed class GeminiExtensionTests : GeminiTest
{
    private async Task<string> FinishedVideoUriAsync(JsonObject? parameters = null)
    {
        var name = await CreateOperationAsync(Request(parameters: parameters));
        Server.Clock.Advance(RenderTime);
        return VideoUri(await PollAsync(name));
    }

    private static JsonObject Extension(string uri, string prompt = "And then the sun comes out") =>
        Request(new JsonObject { ["prompt"] = prompt, ["video"] = new JsonObject { ["uri"] = uri } }, new JsonObject { ["resolution"] = "720p" });

    [Fact]
    public async Task A_finished_video_is_extended_into_one_video_of_the_source_and_seven_seconds()
    {
        var uri = await FinishedVideoUriAsync(new JsonObject { ["aspectRatio"] = "9:16" });

        var name = await CreateOperationAsync(Extension(uri));
        Server.Clock.Advance(RenderTime);
        var done = await PollAsync(name);

        Assert.NotEqual(uri, VideoUri(done));
        var created = Server.CreatedTasks[^1];
        Assert.Equal("And then the sun comes out", created.Prompt);
        var info = Mp4Of(await GoogleClient().GetByteArrayAsync(DownloadPath(VideoUri(done))));
        Assert.Equal((720, 1280), (info.Width, info.Height));
        Assert.Equal(15.0, info.Duration.TotalSeconds, 0.1);
    }

    [Fact]
    public async Task An_extension_can_be_extended_again_and_grows_by_seven_seconds_each_time()
    {
        var uri = await FinishedVideoUriAsync();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var name = await CreateOperationAsync(Extension(uri));
            Server.Clock.Advance(RenderTime);
            uri = VideoUri(await PollAsync(name));
        }

        var info = Mp4Of(await GoogleClient().GetByteArrayAsync(DownloadPath(uri)));
        Assert.Equal(22.0, info.Duration.TotalSeconds, 0.1);
    }

    [Fact]
    public async Task The_request_python_genai_sends_after_downloading_the_source_is_accepted()
    {
        // test_generated_video_extension_poll downloads video1 before extending it, so the SDK sends its bytes with the uri.
        var uri = await FinishedVideoUriAsync();
        var body = Request(new JsonObject
        {
            ["prompt"] = "Sun",
            ["video"] = new JsonObject { ["uri"] = uri, ["encodedVideo"] = Convert.ToBase64String([1, 2, 3]), ["encoding"] = "video/mp4" },
        }, new JsonObject { ["sampleCount"] = 1 });

        await CreateOperationAsync(body);
    }

    [Fact]
    public async Task A_video_older_than_two_days_has_expired()
    {
        var uri = await FinishedVideoUriAsync();
        Server.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));

        await AssertRefusedAsync(Extension(uri), "expired");
    }

    [Fact]
    public async Task A_1080p_video_cannot_be_extended()
    {
        var uri = await FinishedVideoUriAsync(new JsonObject { ["resolution"] = "1080p" });
        await AssertRefusedAsync(Extension(uri), "only 720p videos can be extended");
    }

    [Theory]
    [InlineData("{\"resolution\":\"1080p\"}", "720p")]
    [InlineData("{\"durationSeconds\":4}", "must be 8")]
    [InlineData("{\"aspectRatio\":\"9:16\"}", "does not match")]
    [InlineData("{\"personGeneration\":\"allow_adult\"}", "allow_adult for personGeneration is currently not supported.")]
    public async Task An_extension_keeps_the_source_s_shape_and_Google_s_limits(string parameters, string messageContains)
    {
        var uri = await FinishedVideoUriAsync();
        var body = Extension(uri);
        body["parameters"] = JsonNode.Parse(parameters);

        await AssertRefusedAsync(body, messageContains);
    }

    [Fact]
    public async Task Images_cannot_be_combined_with_an_extension()
    {
        var uri = await FinishedVideoUriAsync();
        var body = Extension(uri);
        body["instances"]![0]!["image"] = Image();

        await AssertRefusedAsync(body, "cannot be combined");
    }

    [Fact]
    public async Task Bytes_alone_are_not_an_extension_on_the_Gemini_API() =>
        await AssertRefusedAsync(Request(new JsonObject { ["prompt"] = "x", ["video"] = new JsonObject { ["encodedVideo"] = "AAAA", ["encoding"] = "video/mp4" } }),
            "instances[0].video.uri is required");

    [Fact]
    public async Task Lite_does_not_extend()
    {
        var uri = await FinishedVideoUriAsync();
        using var response = await CreateAsync(Extension(uri), "veo-3.1-lite-generate-preview");
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("not supported by veo-3.1-lite-generate-preview", (await GoogleErrorOf(response)).GetProperty("message").GetString());
    }

    private static Veo.Core.Media.Mp4Info Mp4Of(byte[] bytes) => Veo.Core.Media.Mp4Reader.Read(new MemoryStream(bytes));

    /// <summary>Refused as Google refuses, and nothing more was made than the sources.</summary>
    private async Task AssertRefusedAsync(JsonNode body, string messageContains)
    {
        var before = Server.CreatedTaskCount;
        using var response = await CreateAsync(body);
        var error = await GoogleErrorOf(response);

        Assert.Equal((400, "INVALID_ARGUMENT"), ((int)response.StatusCode, error.GetProperty("status").GetString()));
        Assert.Contains(messageContains, error.GetProperty("message").GetString());
        Assert.Equal(before, Server.CreatedTaskCount);
    }
}
