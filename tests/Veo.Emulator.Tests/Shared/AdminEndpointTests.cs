using System.Net.Http.Json;
using Veo.Emulator.Tests.OpenAIVideos;

namespace Veo.Emulator.Tests.Shared;

/// <summary>The /_emulator endpoints let a script outside the process drive the emulator.</summary>
public sealed class AdminEndpointTests : OpenAIVideosTest
{
    [Fact]
    public async Task Advancing_the_clock_over_http_moves_tasks_along()
    {
        var id = await CreateTaskAsync();
        using var anonymous = AnonymousClient();

        using var response = await anonymous.PostAsync("_emulator/clock/advance?seconds=6", null);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(Server.Clock.Now.ToUnixTimeSeconds(), (await Json.ReadAsync(response)).GetProperty("now").GetInt64());
        Assert.Equal("completed", (await PollAsync(id)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?seconds=-1")]
    [InlineData("?seconds=soon")]
    public async Task Advancing_needs_a_non_negative_number_of_seconds(string query)
    {
        using var response = await Client.PostAsync($"_emulator/clock/advance{query}", null);

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_request_log_is_served_as_json_and_can_be_cleared_without_logging_itself()
    {
        await CreateTaskAsync(VideoForm.TextToVideo().Field("seconds", "8"));

        var log = await Json.ReadAsync(await Client.GetAsync("_emulator/requests"));
        var entry = Assert.Single(log.EnumerateArray());
        using var cleared = await Client.DeleteAsync("_emulator/requests");

        Assert.Equal("/v1/videos", entry.GetProperty("path").GetString());
        Assert.Equal(200, entry.GetProperty("statusCode").GetInt32());
        Assert.Equal("seconds", entry.GetProperty("fields")[2].GetProperty("key").GetString());
        Assert.Equal("Bearer emulator-key", entry.GetProperty("headers").GetProperty("Authorization").GetString());
        Assert.Equal(204, (int)cleared.StatusCode);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task The_tasks_made_are_listed_over_http_including_one_whose_answer_was_lost()
    {
        var id = await CreateTaskAsync(VideoForm.TextToVideo(prompt: "first"));
        Server.Faults.Add(new Fault(FaultKind.ResetAfterRead, "/v1/videos"));
        await Record.ExceptionAsync(() => CreateAsync(VideoForm.TextToVideo(prompt: "second")));

        var tasks = (await Json.ReadAsync(await Client.GetAsync("_emulator/tasks"))).EnumerateArray().ToList();

        Assert.Equal(2, tasks.Count);
        Assert.Equal(id, tasks[0].GetProperty("id").GetString());
        Assert.Equal(["first", "second"], tasks.Select(t => t.GetProperty("prompt").GetString()));
        Assert.Equal("OpenAIVideos", tasks[1].GetProperty("api").GetString());
        Assert.Equal(2, Server.CreatedTasks.Count);
    }

    [Fact]
    public async Task Faults_can_be_added_and_cleared_over_http()
    {
        using var added = await Client.PostAsJsonAsync("_emulator/faults",
            new { kind = "RateLimit", pathContains = "/v1/videos", times = 2, retryAfterSeconds = 4 });
        using var limited = await CreateAsync(VideoForm.TextToVideo());
        using var cleared = await Client.DeleteAsync("_emulator/faults");
        using var created = await CreateAsync(VideoForm.TextToVideo());

        Assert.Equal(201, (int)added.StatusCode);
        Assert.Equal(2, (await Json.ReadAsync(added)).GetProperty("times").GetInt32());
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), limited.Headers.RetryAfter!.Delta);
        Assert.Equal(204, (int)cleared.StatusCode);
        Assert.Equal(200, (int)created.StatusCode);
    }

    [Fact]
    public async Task A_fault_posted_with_a_delay_in_seconds_shapes_the_next_task()
    {
        await Client.PostAsJsonAsync("_emulator/faults", new { kind = "contentLag", delaySeconds = 60 });
        var id = await CreateTaskAsync();
        AdvanceToContentReady();

        using var content = await Client.GetAsync($"v1/videos/{id}/content");

        Assert.Equal(400, (int)content.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"kind\":\"Meteor\"}")]
    [InlineData("{\"kind\":\"Latency\"}")]
    [InlineData("not json")]
    public async Task An_unusable_fault_is_refused_with_400(string body)
    {
        using var response = await Client.PostAsync("_emulator/faults", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)response.StatusCode);
    }
}
