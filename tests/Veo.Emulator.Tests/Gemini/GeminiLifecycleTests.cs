using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Veo.Emulator.Tests.Gemini;

public sealed class GeminiLifecycleTests : GeminiTest
{
    [Theory]
    [InlineData("veo-3.1-generate-preview")]
    [InlineData("veo-3.1-fast-generate-preview")]
    [InlineData("veo-3.1-lite-generate-preview")]
    public async Task Create_answers_only_the_operation_name(string model)
    {
        using var response = await CreateAsync(Request(), model);
        var operation = await Json.ReadAsync(response);

        Assert.Equal(["name"], Json.Names(operation));
        Assert.Matches(new Regex($"^models/{Regex.Escape(model)}/operations/[a-z0-9]{{12}}$"), operation.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_running_operation_has_no_done_field_and_a_finished_one_has_the_video_uri()
    {
        var name = await CreateOperationAsync();

        var running = await PollAsync(name);
        Server.Clock.Advance(RenderTime);
        var done = await PollAsync(name);

        Assert.Equal(["name"], Json.Names(running));
        Assert.Equal(["name", "done", "response"], Json.Names(done));
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.Equal("type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse",
            done.GetProperty("response").GetProperty("@type").GetString());
        // https like the real URI, on the emulator's host: clients take the file id from it, as @google/genai does.
        Assert.Matches(new Regex($"^https://{Regex.Escape(Host.BaseUri.Authority)}/v1beta/files/[a-z0-9]{{12}}:download\\?alt=media$"), VideoUri(done));
    }

    [Fact]
    public async Task The_download_uri_redirects_to_bytes_that_need_no_key()
    {
        var name = await CreateOperationAsync();
        Server.Clock.Advance(RenderTime);
        var path = DownloadPath(VideoUri(await PollAsync(name)));

        using var redirect = await GoogleClient(followRedirects: false).GetAsync(path);
        var location = redirect.Headers.Location!;
        using var bytes = await AnonymousClient().GetAsync(location);

        Assert.Equal(302, (int)redirect.StatusCode);
        Assert.Equal(200, (int)bytes.StatusCode);
        Assert.Equal(Fixtures.Served("landscape-720p"), await bytes.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_download_needs_the_key_which_may_also_come_as_a_query_parameter()
    {
        var name = await CreateOperationAsync();
        Server.Clock.Advance(RenderTime);
        var path = DownloadPath(VideoUri(await PollAsync(name)));

        using var anonymous = await GoogleClient(key: null, followRedirects: false).GetAsync(path);
        using var byQuery = await GoogleClient(key: null, followRedirects: false).GetAsync(path + "&key=emulator-key");

        Assert.Equal(403, (int)anonymous.StatusCode);
        Assert.Equal(302, (int)byQuery.StatusCode);
    }

    [Fact]
    public async Task A_client_following_the_redirect_with_its_header_shows_in_the_log()
    {
        await RenderAsync(Request());

        var byteRequest = Assert.Single(Server.Requests, r => r.Path.StartsWith("/cdn/files/"));
        Assert.True(byteRequest.Headers.ContainsKey("x-goog-api-key"));
    }

    [Theory]
    [InlineData("16:9", "720p", "landscape-720p")]
    [InlineData("9:16", "720p", "portrait-720p")]
    [InlineData("9:16", "1080p", "portrait-1080p")]
    [InlineData("16:9", "4k", "landscape-4k")]
    public async Task The_video_follows_aspect_ratio_and_resolution(string aspectRatio, string resolution, string fixture) =>
        Assert.Equal(Fixtures.Served(fixture), await RenderAsync(Request(parameters: new JsonObject
        {
            ["aspectRatio"] = aspectRatio,
            ["resolution"] = resolution,
            ["durationSeconds"] = 8,
        })));

    [Fact]
    public async Task A_failed_operation_is_done_with_an_rpc_error_and_no_response()
    {
        Server.Faults.Add(new Fault(FaultKind.FailTask, ":predictLongRunning") { ErrorMessage = "blocked by safety filters" });
        var name = await CreateOperationAsync();
        Server.Clock.Advance(RenderTime);

        var failed = await PollAsync(name);

        Assert.Equal(["name", "done", "error"], Json.Names(failed));
        Assert.Equal(13, failed.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("blocked by safety filters", failed.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_model_is_404_NOT_FOUND()
    {
        using var response = await CreateAsync(Request(), model: "veo-2.0-generate-001");
        var error = await GoogleErrorOf(response);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("NOT_FOUND", error.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_operation_is_found_only_under_its_own_model()
    {
        var name = await CreateOperationAsync();
        var id = name.Split('/')[^1];

        using var otherModel = await GoogleClient().GetAsync($"v1beta/models/veo-3.1-generate-preview/operations/{id}");
        using var unknown = await GoogleClient().GetAsync($"v1beta/models/{Model}/operations/doesnotexist");

        Assert.Equal(404, (int)otherModel.StatusCode);
        Assert.Equal("NOT_FOUND", (await GoogleErrorOf(unknown)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_download_before_the_video_exists_is_404()
    {
        var name = await CreateOperationAsync();
        Server.Faults.Add(new Fault(FaultKind.ContentLag) { Delay = TimeSpan.FromSeconds(5) });
        var lagging = await CreateOperationAsync();
        Server.Clock.Advance(RenderTime);

        using var early = await GoogleClient().GetAsync(DownloadPath(VideoUri(await PollAsync(lagging))));
        Server.Clock.Advance(TimeSpan.FromSeconds(5));
        using var late = await GoogleClient().GetAsync(DownloadPath(VideoUri(await PollAsync(lagging))));
        using var normal = await GoogleClient().GetAsync(DownloadPath(VideoUri(await PollAsync(name))));

        Assert.Equal(404, (int)early.StatusCode);
        Assert.Equal(200, (int)late.StatusCode);
        Assert.Equal(200, (int)normal.StatusCode);
    }
}
