using System.Diagnostics;
using Veo.Core.Http;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Hostile;

/// <summary>A server that goes silent after the create must not hold the shell past the wait's own deadline.</summary>
public sealed class SilentServerTests : IDisposable
{
    private readonly TestHome _home = new();

    [Fact]
    public async Task A_wait_whose_polls_hang_ends_at_its_timeout()
    {
        // Reads the request, then says nothing until the test ends.
        using var silent = new ScriptedServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        var policy = TestHome.FastPolicy with { AttemptTimeout = TimeSpan.FromSeconds(100), Deadline = TimeSpan.FromMinutes(10) };
        var engine = new VeoEngine(_home.Journal, policy);
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(silent.BaseUri), new ApiKey(TestHome.Key));
        using var waiter = new TaskWaiter(engine, new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(2) }, CancellationToken.None);
        var clock = Stopwatch.StartNew();

        waiter.Add(new VideoTask { Id = "task_1", Route = "LaoZhang", Status = VideoTaskStatus.Queued, CreatedAt = DateTimeOffset.UtcNow }, provider);
        var events = await Task.Run(() => waiter.Drain(TimeSpan.FromMilliseconds(100)).OfType<WaitEvent>().ToList());

        Assert.Equal(WaitEventKind.TimedOut, Assert.Single(events, e => e.Kind != WaitEventKind.Progress).Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"the wait took {clock.Elapsed.TotalSeconds:0.0} s against a 2 s timeout");
    }

    [Fact]
    public async Task A_download_that_trickles_ends_at_its_deadline_and_leaves_nothing()
    {
        // A byte every 200 ms passes any idle timeout; only a deadline on the whole download ends it.
        using var trickle = new ScriptedServer(async (_, stream, ct) =>
        {
            await ScriptedServer.WriteHeadAsync(stream, "HTTP/1.1 200 OK\nContent-Type: video/mp4\nContent-Length: 100000\nConnection: close", ct);
            for (var i = 0; i < 100; i++)
            {
                await stream.WriteAsync(new byte[] { 0 }, ct);
                await Task.Delay(200, ct);
            }
        });
        var policy = TestHome.FastPolicy with { MaxRetries = 1, DownloadDeadline = TimeSpan.FromSeconds(1) };
        var engine = new VeoEngine(_home.Journal, policy);
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(trickle.BaseUri), new ApiKey(TestHome.Key));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => engine.SaveAsync(new VideoTask { Id = "task_1", Route = "LaoZhang", Status = VideoTaskStatus.Completed },
            provider, _home.PathOf("slow.mp4"), overwrite: false, NullEngineLog.Instance, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.Empty(Directory.GetFiles(_home.Folder, "*.mp4*"));
    }

    [Fact]
    public async Task An_error_answer_that_stalls_half_way_is_reported_within_the_attempt_timeout()
    {
        using var stalling = new ScriptedServer(async (_, stream, ct) =>
        {
            await ScriptedServer.WriteHeadAsync(stream, "HTTP/1.1 400 Bad Request\nContent-Type: application/json\nContent-Length: 5000\nConnection: close", ct);
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes("{\"error\":{\"message\":\"bad"), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        // The error body gets half the attempt (1.5 s), so the refusal is reported before the attempt itself times out.
        var policy = TestHome.FastPolicy with { MaxRetries = 1, AttemptTimeout = TimeSpan.FromSeconds(3) };
        var provider = new VeoEngine(_home.Journal, policy).Provider(BuiltInRoutes.LaoZhang.At(stalling.BaseUri), new ApiKey(TestHome.Key));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.DownloadAsync(new VideoTask { Id = "task_1", Route = "LaoZhang" }, new MemoryStream(), CancellationToken.None));

        Assert.Contains("broke off", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("LaoZhang", "Failed to fetch video content")]
    [InlineData("Google", "Failed to resolve Gemini video URL")]
    public async Task A_video_the_gateway_cannot_deliver_is_a_final_error_at_once(string route, string message)
    {
        // new-api's video proxy (controller/video_proxy.go) answers so for a completed task it cannot deliver.
        using var gateway = ScriptedServer.Json(_ => $"{{\"error\":{{\"message\":\"{message}\",\"type\":\"server_error\"}}}}", status: 502);
        var engine = new VeoEngine(_home.Journal, TestHome.FastPolicy with { FirstRetryDelay = TimeSpan.FromSeconds(1) });
        var provider = engine.Provider(BuiltInRoutes.Find(route)!.At(gateway.BaseUri), new ApiKey(TestHome.Key));
        var task = new VideoTask { Id = route == "Google" ? "models/veo-3.1-fast-generate-preview/operations/op1" : "task_1", Route = route, Status = VideoTaskStatus.Completed,
            VideoUrl = route == "Google" ? new Uri(gateway.BaseUri, "v1beta/files/abc:download?alt=media").ToString() : null };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<VideoUndeliverableException>(() =>
            engine.SaveAsync(task, provider, _home.PathOf("gone.mp4"), overwrite: false, NullEngineLog.Instance, CancellationToken.None));

        Assert.Contains(message, error.Message);
        Assert.Single(gateway.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    public void Dispose() => _home.Dispose();
}

public class SilentCatalogTests
{
    [Fact]
    public async Task A_pricing_catalog_that_never_answers_fails_within_the_attempt_timeout()
    {
        using var silent = new ScriptedServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<Veo.Core.Pricing.PricingCatalogException>(() =>
            Veo.Core.Pricing.LiveCatalog.FetchAsync(new HttpClient(), silent.BaseUri, TestHome.FastPolicy with { AttemptTimeout = TimeSpan.FromSeconds(1) }, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
