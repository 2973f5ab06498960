using System.Net.Http.Json;

using System.Text.RegularExpressions;

namespace Veo.Emulator.Tests.UnifiedVideo;

public sealed class UnifiedVideoLifecycleTests : UnifiedVideoTest
{
    [Fact]
    public async Task Create_answers_a_pending_task_with_a_family_style_id_and_the_request_echoed()
    {
        using var response = await CreateAsync(TextToVideo(model: "veo-3.1-fast"));
        var task = await Json.ReadAsync(response);

        Assert.Equal(["id", "object", "model", "status", "progress", "created_at", "status_update_time", "detail"], Json.Names(task));
        Assert.Matches(new Regex(@"^veo3\.1-fast:\d{10}-[a-z0-9]{5}$"), task.GetProperty("id").GetString());
        Assert.Equal("video", task.GetProperty("object").GetString());
        Assert.Equal("veo-3.1-fast", task.GetProperty("model").GetString());
        Assert.Equal("pending", task.GetProperty("status").GetString());
        Assert.Equal(0, task.GetProperty("progress").GetInt32());
        Assert.Equal(Server.Clock.Now.ToUnixTimeSeconds(), task.GetProperty("created_at").GetInt64());
        Assert.Equal(Server.Clock.Now.ToUnixTimeMilliseconds(), task.GetProperty("status_update_time").GetInt64());
        Assert.Equal("720P", task.GetProperty("detail").GetProperty("size").GetString());
    }

    [Fact]
    public async Task Query_moves_from_pending_to_processing_to_completed_with_millisecond_update_times()
    {
        var id = await CreateTaskAsync();
        var createdMs = Server.Clock.Now.ToUnixTimeMilliseconds();

        var pending = await QueryAsync(id);
        Server.Clock.Advance(TimeSpan.FromSeconds(2));
        var processing = await QueryAsync(id);
        Server.Clock.Advance(TimeSpan.FromSeconds(4));
        var completed = await QueryAsync(id);

        Assert.Equal(["id", "status", "video_url", "enhanced_prompt", "status_update_time", "detail"], Json.Names(pending));
        Assert.Equal(("pending", createdMs), (pending.GetProperty("status").GetString(), pending.GetProperty("status_update_time").GetInt64()));
        Assert.Equal(("processing", createdMs + 1000), (processing.GetProperty("status").GetString(), processing.GetProperty("status_update_time").GetInt64()));
        Assert.Equal(("completed", createdMs + 6000), (completed.GetProperty("status").GetString(), completed.GetProperty("status_update_time").GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, processing.GetProperty("video_url").ValueKind);
        // The CDN is another host, as Crazyrouter's storage is: the other loopback name on the same port.
        Assert.Equal($"http://localhost:{Host.BaseUri.Port}/cdn/videos/{id}.mp4", completed.GetProperty("video_url").GetString());
        Assert.Equal("A spaceship landing on Mars", completed.GetProperty("enhanced_prompt").GetString());
    }

    [Fact]
    public async Task The_video_url_serves_the_mp4_without_a_key_and_the_log_shows_none_was_sent()
    {
        var bytes = await RenderAsync(TextToVideo());

        var cdnRequest = Assert.Single(Server.Requests, r => r.Path.StartsWith("/cdn/"));
        Assert.Equal(Fixtures.Served("landscape-720p"), bytes);
        Assert.False(cdnRequest.Headers.ContainsKey("Authorization"));
        Assert.Equal(200, cdnRequest.StatusCode);
    }

    [Fact]
    public async Task A_client_that_leaks_its_key_to_the_cdn_is_visible_in_the_log()
    {
        var id = await CreateTaskAsync();
        Server.Clock.Advance(RenderTime);

        await Client.GetAsync((await QueryAsync(id)).GetProperty("video_url").GetString());

        Assert.Contains(Server.Requests, r => r.Path.StartsWith("/cdn/") && r.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task The_cdn_answers_404_before_the_video_exists()
    {
        var id = await CreateTaskAsync();

        using var response = await AnonymousClient().GetAsync($"cdn/videos/{id}.mp4");

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_failed_task_has_no_video_url_and_says_why()
    {
        Server.Faults.Add(new Fault(FaultKind.FailTask, "/v1/video/create") { ErrorMessage = "prompt rejected" });
        var id = await CreateTaskAsync();
        Server.Clock.Advance(RenderTime);

        var failed = await QueryAsync(id);

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, failed.GetProperty("video_url").ValueKind);
        Assert.Equal("prompt rejected", failed.GetProperty("fail_reason").GetString());
    }

    [Fact]
    public async Task Query_without_an_id_is_refused_and_an_unknown_id_is_400_task_not_exist()
    {
        using var missing = await Client.GetAsync("v1/video/query");
        using var unknown = await Client.GetAsync("v1/video/query?id=veo3.1:1-nope1");

        Assert.Equal(400, (int)missing.StatusCode);
        Assert.Equal("id", (await Json.ReadAsync(missing)).GetProperty("error").GetProperty("param").GetString());
        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Equal("task_not_exist", (await Json.ReadAsync(unknown)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task With_the_WrappedUnifiedShape_fault_answers_are_wrapped_and_a_finished_task_says_success()
    {
        var id = await CreateTaskAsync();
        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        Server.Faults.Add(new Fault(FaultKind.WrappedUnifiedShape, PathContains: "/v1/video/query"));

        using var response = await Client.GetAsync($"v1/video/query?id={Uri.EscapeDataString(id)}");
        var body = await Json.ReadAsync(response);

        Assert.Equal("success", body.GetProperty("code").GetString());
        Assert.Equal((id, "success"), (body.GetProperty("data").GetProperty("id").GetString(), body.GetProperty("data").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_api_paths_need_the_bearer_key()
    {
        var id = await CreateTaskAsync();
        using var anonymous = AnonymousClient();

        using var create = await anonymous.PostAsync("v1/video/create", JsonContent.Create(TextToVideo()));
        using var query = await anonymous.GetAsync($"v1/video/query?id={id}");

        Assert.Equal(401, (int)create.StatusCode);
        Assert.Equal(401, (int)query.StatusCode);
        Assert.Equal("invalid_api_key", (await Json.ReadAsync(query)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_json_body_is_recorded()
    {
        await CreateTaskAsync();

        Assert.Contains("\"size\":\"720P\"", Assert.Single(Server.Requests).JsonBody);
    }

    [Fact]
    public async Task Faults_on_the_api_paths_answer_in_the_new_api_shape()
    {
        Server.Faults.Add(new Fault(FaultKind.RateLimit, "/v1/video/"));

        using var response = await CreateAsync(TextToVideo());

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal("rate_limit_exceeded", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_ContentLag_fault_keeps_the_cdn_answering_404_for_a_while()
    {
        Server.Faults.Add(new Fault(FaultKind.ContentLag) { Delay = TimeSpan.FromSeconds(10) });
        var id = await CreateTaskAsync();
        Server.Clock.Advance(RenderTime);
        var url = (await QueryAsync(id)).GetProperty("video_url").GetString();
        using var cdn = AnonymousClient();

        using var early = await cdn.GetAsync(url);
        Server.Clock.Advance(TimeSpan.FromSeconds(10));
        using var late = await cdn.GetAsync(url);

        Assert.Equal(404, (int)early.StatusCode);
        Assert.Equal(200, (int)late.StatusCode);
    }
}
