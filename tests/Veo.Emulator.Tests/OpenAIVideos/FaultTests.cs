using System.Diagnostics;
using System.Text.Json;

namespace Veo.Emulator.Tests.OpenAIVideos;

public class FaultTests : OpenAIVideosTest
{
    private static bool IsDroppedConnection(Exception e) => e is HttpRequestException or IOException;

    [Fact]
    public async Task Latency_delays_the_answer()
    {
        Server.Faults.Add(new Fault(FaultKind.Latency) { Delay = TimeSpan.FromMilliseconds(400) });
        var watch = Stopwatch.StartNew();

        await CreateTaskAsync();

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(360), $"answered after {watch.Elapsed}"); // a tenth for timer drift (coarse ticks against the Stopwatch)
    }

    [Fact]
    public async Task A_create_whose_answer_is_too_slow_for_the_client_still_creates_the_task()
    {
        Server.Faults.Add(new Fault(FaultKind.Latency, "/v1/videos") { Delay = TimeSpan.FromSeconds(2) });
        using var impatient = ClientFor(Host);
        impatient.Timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PostAsync("v1/videos", VideoForm.TextToVideo().Build()));

        Assert.Equal(1, Server.CreatedTaskCount);
    }

    [Fact]
    public async Task RateLimit_answers_429_with_Retry_After_in_whole_seconds_and_creates_nothing()
    {
        Server.Faults.Add(new Fault(FaultKind.RateLimit) { RetryAfter = TimeSpan.FromSeconds(2.5) });

        using var response = await CreateAsync(VideoForm.TextToVideo());
        var error = await ErrorOf(response);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Equal(0, Server.CreatedTaskCount);
    }

    [Fact]
    public async Task A_fault_hits_only_the_next_Times_matching_requests()
    {
        Server.Faults.Add(new Fault(FaultKind.RateLimit, Times: 2));

        using var first = await Client.GetAsync("api/pricing");
        using var second = await Client.GetAsync("api/pricing");
        using var third = await Client.GetAsync("api/pricing");

        Assert.Equal([429, 429, 200], new[] { (int)first.StatusCode, (int)second.StatusCode, (int)third.StatusCode });
    }

    [Fact]
    public async Task Injected_counts_each_kind_of_fault_that_hit_and_no_miss()
    {
        Server.Faults.Add(new Fault(FaultKind.RateLimit, Times: 2));
        Server.Faults.Add(new Fault(FaultKind.ServerError, Times: 5, Probability: 0));
        Server.Faults.Add(new Fault(FaultKind.FailTask));

        for (var i = 0; i < 3; i++) (await Client.GetAsync("api/pricing")).Dispose();
        (await CreateAsync(VideoForm.TextToVideo())).Dispose();

        Assert.Equal(2, Server.Faults.Injected[FaultKind.RateLimit]);
        Assert.Equal(1, Server.Faults.Injected[FaultKind.FailTask]);
        Assert.False(Server.Faults.Injected.ContainsKey(FaultKind.ServerError));
    }

    [Fact]
    public async Task A_fault_with_PathContains_spares_other_paths()
    {
        var id = await CreateTaskAsync();
        Server.Faults.Add(new Fault(FaultKind.ServerError, PathContains: "/content") { StatusCode = 503 });

        using var poll = await Client.GetAsync($"v1/videos/{id}");
        using var content = await Client.GetAsync($"v1/videos/{id}/content");

        Assert.Equal(200, (int)poll.StatusCode);
        Assert.Equal(503, (int)content.StatusCode);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ServerError_answers_the_status_in_the_gateway_error_shape_and_creates_nothing(int status)
    {
        Server.Faults.Add(new Fault(FaultKind.ServerError) { StatusCode = status });

        using var response = await CreateAsync(VideoForm.TextToVideo());
        var error = await ErrorOf(response);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.Equal(0, Server.CreatedTaskCount);
    }

    [Fact]
    public async Task A_502_comes_from_the_proxy_as_an_html_page()
    {
        Server.Faults.Add(new Fault(FaultKind.ServerError) { StatusCode = 502 });

        using var response = await CreateAsync(VideoForm.TextToVideo());

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ResetBeforeRead_drops_the_connection_and_creates_nothing()
    {
        Server.Faults.Add(new Fault(FaultKind.ResetBeforeRead));

        var error = await Record.ExceptionAsync(() => CreateAsync(VideoForm.TextToVideo()));

        Assert.True(error is not null && IsDroppedConnection(error), $"got {error}");
        Assert.Equal(0, Server.CreatedTaskCount);
        var logged = Assert.Single(Server.Requests);
        Assert.Equal(0, logged.StatusCode);
        Assert.Empty(logged.Fields);
    }

    [Fact]
    public async Task ResetAfterRead_creates_the_task_but_drops_the_answer()
    {
        Server.Faults.Add(new Fault(FaultKind.ResetAfterRead));

        var error = await Record.ExceptionAsync(() => CreateAsync(VideoForm.TextToVideo()));

        Assert.True(error is not null && IsDroppedConnection(error), $"got {error}");
        Assert.Equal(1, Server.CreatedTaskCount);
        var logged = Assert.Single(Server.Requests);
        Assert.Equal(0, logged.StatusCode);
        Assert.Contains(logged.Fields, f => f.Key == "model");
    }

    [Fact]
    public async Task TruncateBody_promises_the_full_length_then_stops_halfway()
    {
        var id = await CreateTaskAsync();
        AdvanceToContentReady();
        Server.Faults.Add(new Fault(FaultKind.TruncateBody, "/content"));

        using var response = await Client.GetAsync($"v1/videos/{id}/content", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var error = await Record.ExceptionAsync(() => body.CopyToAsync(received));

        Assert.Equal(Fixtures.Served("landscape-720p").Length, response.Content.Headers.ContentLength);
        Assert.True(error is not null && IsDroppedConnection(error), $"got {error}");
        Assert.True(received.Length < response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task CorruptBody_serves_the_full_length_with_the_first_bytes_flipped()
    {
        var id = await CreateTaskAsync();
        AdvanceToContentReady();
        Server.Faults.Add(new Fault(FaultKind.CorruptBody, "/content"));

        var bytes = await DownloadAsync(id);
        var original = Fixtures.Served("landscape-720p");

        Assert.Equal(original.Length, bytes.Length);
        Assert.NotEqual(original, bytes);
        Assert.Equal(original[0] ^ 0xFF, bytes[0]);
        Assert.Equal(original[^1], bytes[^1]);
    }

    [Fact]
    public async Task MalformedJson_answers_200_with_broken_json()
    {
        var id = await CreateTaskAsync();
        Server.Faults.Add(new Fault(FaultKind.MalformedJson));

        using var response = await Client.GetAsync($"v1/videos/{id}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task FailTask_makes_the_next_task_end_as_failed_with_an_error()
    {
        Server.Faults.Add(new Fault(FaultKind.FailTask) { ErrorMessage = "Content blocked by safety filters." });
        var failing = await CreateTaskAsync();
        var healthy = await CreateTaskAsync();
        Server.Clock.Advance(TimeSpan.FromSeconds(3));
        var midway = await PollAsync(failing);
        AdvanceToContentReady();

        var failed = await PollAsync(failing);
        using var content = await Client.GetAsync($"v1/videos/{failing}/content");

        Assert.Equal("in_progress", midway.GetProperty("status").GetString());
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.False(failed.TryGetProperty("completed_at", out _));
        Assert.Equal("video_generation_failed", failed.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("Content blocked by safety filters.", failed.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(400, (int)content.StatusCode);
        Assert.Equal("completed", (await PollAsync(healthy)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_ContentLag_fault_makes_the_next_task_serve_later()
    {
        Server.Faults.Add(new Fault(FaultKind.ContentLag) { Delay = TimeSpan.FromSeconds(30) });
        var id = await CreateTaskAsync();
        AdvanceToContentReady();

        using var early = await Client.GetAsync($"v1/videos/{id}/content");
        Server.Clock.Advance(TimeSpan.FromSeconds(28));
        using var late = await Client.GetAsync($"v1/videos/{id}/content");

        Assert.Equal(400, (int)early.StatusCode);
        Assert.Equal(200, (int)late.StatusCode);
    }

    [Fact]
    public async Task Probabilistic_faults_repeat_for_the_same_seed()
    {
        async Task<int[]> StatusesAsync()
        {
            await using var host = await StartAsync(new EmulatorOptions { ManualClock = true, Seed = 42 });
            using var client = ClientFor(host);
            host.Emulator.Faults.Add(new Fault(FaultKind.ServerError, Times: 20, Probability: 0.5));
            var statuses = new int[20];
            for (var i = 0; i < statuses.Length; i++)
            {
                using var response = await client.GetAsync("api/pricing");
                statuses[i] = (int)response.StatusCode;
            }
            return statuses;
        }

        var first = await StatusesAsync();
        var second = await StatusesAsync();

        Assert.Equal(first, second);
        Assert.Contains(500, first);
        Assert.Contains(200, first);
    }

    [Fact]
    public async Task Clear_removes_pending_faults()
    {
        Server.Faults.Add(new Fault(FaultKind.RateLimit, Times: 5));
        Server.Faults.Clear();

        using var response = await Client.GetAsync("api/pricing");

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public void Faults_that_need_a_delay_or_a_5xx_status_are_refused_without_one()
    {
        Assert.Throws<ArgumentException>(() => Server.Faults.Add(new Fault(FaultKind.Latency)));
        Assert.Throws<ArgumentException>(() => Server.Faults.Add(new Fault(FaultKind.ContentLag)));
        Assert.Throws<ArgumentException>(() => Server.Faults.Add(new Fault(FaultKind.ServerError) { StatusCode = 404 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Server.Faults.Add(new Fault(FaultKind.RateLimit, Times: 0)));
    }
}
