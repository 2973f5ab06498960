using System.Net;
using Veo.Core.Http;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Http;

/// <summary>Reads are retried through faults; a paid create is sent once unless it provably never left.</summary>
public class ResilienceTests : EmulatorAndHomeTest
{
    private EngineFlow _flow = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
    }

    private int Posts => Emulator.Requests.Count(r => r.Method == "POST");

    [Fact]
    public async Task A_poll_answered_429_is_retried_after_the_Retry_After_delay()
    {
        var task = await _flow.CreateAsync(BadRequests.Valid);
        Emulator.Faults.Add(new Fault(FaultKind.RateLimit, PathContains: "/v1/videos/", Times: 2) { RetryAfter = TimeSpan.FromSeconds(1) });
        var started = DateTime.UtcNow;

        var polled = await _flow.Engine.RefreshAsync(task, _flow.Provider, CancellationToken.None);

        Assert.Equal(task.Id, polled.Id);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1.9), "Retry-After was not honoured");
        Assert.Equal(2, Emulator.Requests.Count(r => r.StatusCode == 429));
    }

    [Fact]
    public async Task The_emulator_plays_a_completed_video_new_api_cannot_deliver_and_the_save_ends_at_once()
    {
        var task = await _flow.WaitAsync(await _flow.CreateAsync(BadRequests.Valid));
        Emulator.Faults.Add(new Fault(FaultKind.VideoUndeliverable, PathContains: "/content", Times: 10));

        var error = await Assert.ThrowsAsync<VideoUndeliverableException>(() =>
            _flow.Engine.SaveAsync(task, _flow.Provider, Home.PathOf("gone.mp4"), overwrite: false, NullEngineLog.Instance, CancellationToken.None));

        Assert.Contains("Failed to fetch video content", error.Message);
        Assert.Single(Emulator.Requests, r => r.Path.EndsWith("/content", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_unified_gateway_that_wraps_its_answers_and_says_success_is_followed_to_the_saved_video()
    {
        // Yunwu-style gateways: {"code":"success","data":{...}} and "success" for a finished task.
        Emulator.Faults.Add(new Fault(FaultKind.WrappedUnifiedShape, PathContains: "/v1/video/", Times: 1000));
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.Crazyrouter);

        var saved = await flow.MakeAsync(BadRequests.Valid);

        Assert.Equal(1280, saved.File.Width);
        Assert.Contains(Emulator.Requests, r => r.Path == "/v1/video/query" && r.StatusCode == 200);
    }

    [Fact]
    public async Task A_Gemini_poll_answered_429_waits_as_long_as_its_RetryInfo_says()
    {
        // Google gives no Retry-After header: the wait is error.details[].retryDelay ("1s") in the body.
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.GeminiVeo);
        var task = await flow.CreateAsync(BadRequests.Valid);
        Emulator.Faults.Add(new Fault(FaultKind.RateLimit, PathContains: "/operations/", Times: 1) { RetryAfter = TimeSpan.FromSeconds(1) });
        var started = DateTime.UtcNow;

        await flow.Engine.RefreshAsync(task, flow.Provider, CancellationToken.None);

        Assert.Single(Emulator.Requests, r => r.StatusCode == 429);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.95), "RetryInfo's retryDelay was not honoured");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_poll_answered_5xx_is_retried(int status)
    {
        var task = await _flow.CreateAsync(BadRequests.Valid);
        Emulator.Faults.Add(new Fault(FaultKind.ServerError, PathContains: "/v1/videos/", Times: 2) { StatusCode = status });
        var polled = await _flow.Engine.RefreshAsync(task, _flow.Provider, CancellationToken.None);
        Assert.Equal(task.Id, polled.Id);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_create_the_gateway_refused_itself_made_nothing_so_it_is_sent_again_and_made_once(int status)
    {
        // new-api's own envelope on a 5xx: the gateway refunded and recorded no task (CreateRefusals.Read).
        Emulator.Faults.Add(new Fault(FaultKind.ServerError, PathContains: "/v1/videos") { StatusCode = status });

        var task = await _flow.CreateAsync(BadRequests.Valid);

        Assert.False(string.IsNullOrEmpty(task.Id));
        Assert.Equal((2, 1), (Posts, Emulator.CreatedTaskCount));
        Assert.Empty(Home.Journal.UncertainCreates());
    }

    [Theory]
    [InlineData(FaultKind.ServerError, 502)]
    [InlineData(FaultKind.BareServerError, 504)]
    [InlineData(FaultKind.BareServerError, 500)]
    public async Task A_create_answered_5xx_without_the_gateways_envelope_is_ambiguous_because_the_upstream_may_have_made_it(FaultKind kind, int status)
    {
        Emulator.Faults.Add(new Fault(kind, PathContains: "/v1/videos") { StatusCode = status });

        var error = await Assert.ThrowsAsync<AmbiguousCreateException>(() => _flow.CreateAsync(BadRequests.Valid));

        Assert.Contains(status.ToString(), error.Message);
        Assert.Equal(1, Posts);
        Assert.Equal(JournalEntry.AmbiguousCreate, Assert.Single(Home.Journal.UncertainCreates()).Event);
    }

    [Fact]
    public async Task A_create_answered_429_was_refused_so_it_is_retried_and_made_once()
    {
        Emulator.Faults.Add(new Fault(FaultKind.RateLimit, PathContains: "/v1/videos") { RetryAfter = TimeSpan.Zero });
        var task = await _flow.CreateAsync(BadRequests.Valid);
        Assert.False(string.IsNullOrEmpty(task.Id));
        Assert.Equal(1, Emulator.CreatedTaskCount);
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_reports_the_uncertainty_and_is_not_sent_again()
    {
        Emulator.Faults.Add(new Fault(FaultKind.ResetAfterRead, PathContains: "/v1/videos"));

        var error = await Assert.ThrowsAsync<AmbiguousCreateException>(() => _flow.CreateAsync(BadRequests.Valid));

        Assert.Contains("may have been created and billed", error.Message);
        Assert.Equal(1, Posts);
        Assert.Equal(1, Emulator.CreatedTaskCount);
        var entry = Assert.Single(Home.Journal.UncertainCreates());
        Assert.Equal((JournalEntry.AmbiguousCreate, BadRequests.Valid.Prompt), (entry.Event, entry.Prompt));
    }

    [Fact]
    public async Task A_create_answered_with_garbage_is_ambiguous_too()
    {
        Emulator.Faults.Add(new Fault(FaultKind.MalformedJson, PathContains: "/v1/videos"));
        await Assert.ThrowsAsync<AmbiguousCreateException>(() => _flow.CreateAsync(BadRequests.Valid));
        Assert.Equal(1, Posts);
    }

    [Fact]
    public async Task A_create_whose_answer_is_cut_short_is_ambiguous_and_journaled()
    {
        // Found by the fault soak: the task was made and billed, but the body broke off after the headers,
        // and the HttpRequestException of the read went out unjournaled, so the task's id was lost.
        Emulator.Faults.Add(new Fault(FaultKind.TruncateBody, PathContains: "/v1/videos"));

        await Assert.ThrowsAsync<AmbiguousCreateException>(() => _flow.CreateAsync(BadRequests.Valid));

        Assert.Equal(1, Posts);
        Assert.Equal(1, Emulator.CreatedTaskCount);
        Assert.Equal(JournalEntry.AmbiguousCreate, Assert.Single(Home.Journal.UncertainCreates()).Event);
    }

    [Theory]
    [InlineData("LaoZhang", "{\"status\":\"queued\"}")]
    [InlineData("Crazyrouter", "{\"data\":{\"status\":\"pending\"}}")]
    [InlineData("Google", "{\"status\":\"queued\"}")]
    public async Task A_create_accepted_without_a_task_id_is_ambiguous_and_journaled(string route, string answer)
    {
        // A 200 means the server took the order; without an id to wait for, the uncertainty has to reach the journal.
        using var server = new OneAnswerServer(answer);
        var provider = _flow.Engine.Provider(BuiltInRoutes.Find(route)!.At(server.BaseUri), new ApiKey(TestHome.Key));

        await Assert.ThrowsAsync<AmbiguousCreateException>(() =>
            _flow.Engine.CreateAsync(Veo.Core.Requests.RequestValidator.Prepare(BadRequests.Valid with { Model = "" }, provider.Route), provider, null, CancellationToken.None));

        Assert.Equal(1, server.Requests);
        Assert.Equal(JournalEntry.AmbiguousCreate, Assert.Single(Home.Journal.UncertainCreates()).Event);
    }

    [Fact]
    public async Task A_create_that_cannot_connect_is_retried_because_nothing_was_sent()
    {
        var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var provider = _flow.Engine.Provider(BuiltInRoutes.LaoZhang.At(new Uri($"http://127.0.0.1:{port}/")), new ApiKey(TestHome.Key));

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            _flow.Engine.CreateAsync(Requests.RequestValidatorTests.Prepare(BadRequests.Valid), provider, null, CancellationToken.None));

        Assert.IsNotType<AmbiguousCreateException>(error);
        Assert.True(NetworkFailures.NeverReachedServer(error));
        Assert.Empty(Home.Journal.UncertainCreates());
        Assert.Equal(new[] { JournalEntry.CreateSent, JournalEntry.CreateRefused }, Home.Journal.ReadAll().Select(e => e.Event));
    }

    [Fact]
    public async Task A_corrupt_download_is_fetched_again_and_verified()
    {
        var task = await _flow.WaitAsync(await _flow.CreateAsync(BadRequests.Valid));
        Emulator.Faults.Add(new Fault(FaultKind.CorruptBody, PathContains: "/content"));
        var saved = await _flow.Engine.SaveAsync(task, _flow.Provider, Home.PathOf("v.mp4"), false, NullEngineLog.Instance, CancellationToken.None);
        Assert.Equal(1280, saved.File.Width);
    }
}
