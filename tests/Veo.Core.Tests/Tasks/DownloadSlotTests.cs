using System.Diagnostics;
using Veo.Core.Http;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Tasks;

/// <summary>A download waiting to try again leaves its slot to one that can run (Save-VeoVideo -ThrottleLimit).</summary>
public sealed class DownloadSlotTests : EmulatorAndHomeTest
{
    [Fact]
    public async Task A_save_waiting_out_a_429_does_not_hold_the_only_slot()
    {
        var engine = new VeoEngine(Home.Journal, TestHome.FastPolicy);
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(Emulator.BaseUri), new ApiKey(TestHome.Key));
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
        var first = await flow.WaitAsync(await flow.CreateAsync(BadRequests.Valid));
        var second = await flow.WaitAsync(await flow.CreateAsync(BadRequests.Valid with { Prompt = "another" }));
        await Task.Delay(TimeSpan.FromSeconds(0.5)); // the content lag after completion
        // A 429 asking for 3 s (the gateway busy): waited out as asked, outside the slot.
        Emulator.Faults.Add(new Fault(FaultKind.RateLimit, PathContains: $"/v1/videos/{first.Id}/content") { RetryAfter = TimeSpan.FromSeconds(3) });
        using var slots = new SemaphoreSlim(1);
        var clock = Stopwatch.StartNew();

        var waiting = engine.SaveAsync(first, provider, Home.PathOf("first.mp4"), false, NullEngineLog.Instance, CancellationToken.None, slots: slots);
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        await engine.SaveAsync(second, provider, Home.PathOf("second.mp4"), false, NullEngineLog.Instance, CancellationToken.None, slots: slots);
        var secondDone = clock.Elapsed;
        await waiting;

        // What the server saw, in arrival order: the first's 429, the second's download, then the first's second try (a "not ready yet" 400 aside).
        // (Not the wall clock: a run that failed in CI left no trace of why the first finished before 3 s.)
        var downloads = Emulator.Requests.Where(r => r.Path.EndsWith("/content", StringComparison.Ordinal))
            .Select(r => $"{(r.Path.Contains(first.Id, StringComparison.Ordinal) ? "first" : "second")} {r.StatusCode}").ToList();
        Assert.True(secondDone < TimeSpan.FromSeconds(2.5), $"the second save took {secondDone.TotalSeconds:0.0} s: it waited for the first's retry ({string.Join(", ", downloads)})");
        Assert.Equal(["first 429", "second 200", "first 200"], downloads.Where(d => d.EndsWith(" 429", StringComparison.Ordinal) || d.EndsWith(" 200", StringComparison.Ordinal)));
    }
}
