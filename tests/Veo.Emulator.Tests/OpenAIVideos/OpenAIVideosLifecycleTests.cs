using System.Text.RegularExpressions;

namespace Veo.Emulator.Tests.OpenAIVideos;

public sealed class OpenAIVideosLifecycleTests : OpenAIVideosTest
{
    [Fact]
    public async Task Create_answers_a_queued_task_exactly_like_the_gateway()
    {
        using var response = await CreateAsync(VideoForm.TextToVideo());
        var task = await Json.ReadAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["id", "task_id", "object", "model", "status", "progress", "created_at"], Json.Names(task));
        Assert.Equal(task.GetProperty("id").GetString(), task.GetProperty("task_id").GetString());
        Assert.Equal("video", task.GetProperty("object").GetString());
        Assert.Equal("veo-3.1-fast-generate-preview", task.GetProperty("model").GetString());
        Assert.Equal("queued", task.GetProperty("status").GetString());
        Assert.Equal(0, task.GetProperty("progress").GetInt32());
        Assert.Equal(Server.Clock.Now.ToUnixTimeSeconds(), task.GetProperty("created_at").GetInt64());
        Assert.Equal(1, Server.CreatedTaskCount);
    }

    [Fact]
    public async Task Task_ids_are_task_followed_by_32_lowercase_alphanumerics()
    {
        var id = await CreateTaskAsync();

        Assert.Matches(new Regex("^task_[a-z0-9]{32}$"), id);
    }

    [Fact]
    public async Task A_task_is_queued_then_in_progress_with_rising_progress_then_completed()
    {
        var id = await CreateTaskAsync();
        var seen = new List<(string Status, int Progress)>();
        for (var second = 0; second <= 6; second++)
        {
            var task = await PollAsync(id);
            seen.Add((task.GetProperty("status").GetString()!, task.GetProperty("progress").GetInt32()));
            Server.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(("queued", 0), seen[0]);
        Assert.Equal(("in_progress", 0), seen[1]);
        Assert.Equal(("in_progress", 20), seen[2]);
        Assert.Equal(("in_progress", 80), seen[5]);
        Assert.Equal(("completed", 100), seen[6]);
        Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.First.Progress <= pair.Second.Progress));
    }

    [Fact]
    public async Task Only_a_completed_task_has_completed_at_which_is_created_at_plus_render_time()
    {
        var id = await CreateTaskAsync();
        var running = await PollAsync(id);
        Server.Clock.Advance(RenderTime);
        var completed = await PollAsync(id);

        Assert.Equal(["id", "object", "model", "status", "progress", "created_at"], Json.Names(running));
        Assert.Equal(["id", "object", "model", "status", "progress", "created_at", "completed_at"], Json.Names(completed));
        Assert.Equal(completed.GetProperty("created_at").GetInt64() + 6, completed.GetProperty("completed_at").GetInt64());
    }

    [Fact]
    public async Task The_compatibility_generations_path_answers_the_same_task_json()
    {
        var id = await CreateTaskAsync();
        Server.Clock.Advance(TimeSpan.FromSeconds(3));

        using var compat = await Client.GetAsync($"v1/video/generations/{id}");

        Assert.Equal((await PollAsync(id)).GetRawText(), (await Json.ReadAsync(compat)).GetRawText());
    }

    [Fact]
    public async Task Content_before_completion_answers_IN_PROGRESS()
    {
        var id = await CreateTaskAsync();
        Server.Clock.Advance(TimeSpan.FromSeconds(3));

        using var response = await Client.GetAsync($"v1/videos/{id}/content");
        var error = await ErrorOf(response);

        // new-api's video proxy words (controller/video_proxy.go), which clients look for.
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("Task is not completed yet, current status: IN_PROGRESS", error.GetProperty("message").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Content_before_the_lag_has_passed_answers_IN_PROGRESS()
    {
        var id = await CreateTaskAsync();
        Server.Clock.Advance(RenderTime + ContentLag - TimeSpan.FromSeconds(1));

        var task = await PollAsync(id);
        using var response = await Client.GetAsync($"v1/videos/{id}/content");

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("IN_PROGRESS", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Content_after_the_lag_serves_the_mp4_with_its_length()
    {
        var id = await CreateTaskAsync();
        AdvanceToContentReady();

        using var response = await Client.GetAsync($"v1/videos/{id}/content");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal(Fixtures.Served("landscape-720p"), bytes);
    }

    [Theory]
    [InlineData("v1/videos/task_doesnotexist")]
    [InlineData("v1/video/generations/task_doesnotexist")]
    public async Task An_unknown_task_answers_400_in_new_apis_task_envelope(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(400, (int)response.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("task_not_exist", "task_not_exist", System.Text.Json.JsonValueKind.Null),
            (body.GetProperty("code").GetString(), body.GetProperty("message").GetString(), body.GetProperty("data").ValueKind));
    }

    [Fact]
    public async Task With_the_StockNewApiTaskShape_fault_the_older_task_path_answers_in_stock_new_apis_envelope()
    {
        var id = await CreateTaskAsync();
        Server.Faults.Add(new Fault(FaultKind.StockNewApiTaskShape, PathContains: "/v1/video/generations/"));
        Server.Clock.Advance(TimeSpan.FromMinutes(5));

        using var response = await Client.GetAsync($"v1/video/generations/{id}");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var data = body.GetProperty("data");

        Assert.Equal("success", body.GetProperty("code").GetString());
        Assert.Equal((id, "SUCCESS", "100%"), (data.GetProperty("task_id").GetString(), data.GetProperty("status").GetString(), data.GetProperty("progress").GetString()));
    }

    [Fact]
    public async Task The_content_of_an_unknown_task_answers_404_Task_not_found_as_the_video_proxy_does()
    {
        using var response = await Client.GetAsync("v1/videos/task_doesnotexist/content");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("Task not found", (await ErrorOf(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_route_answers_404_in_the_gateway_error_shape()
    {
        using var response = await Client.GetAsync("v1/no/such/route");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("Invalid URL (GET /v1/no/such/route)", (await ErrorOf(response)).GetProperty("message").GetString());
    }

    [Fact]
    public void The_manual_clock_only_moves_forward()
    {
        var before = Server.Clock.Now;

        Assert.Throws<ArgumentOutOfRangeException>(() => Server.Clock.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Equal(before, Server.Clock.Now);
    }
}
