using System.Diagnostics;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Tasks;

/// <summary>A resumed task (read back from the journal, passed on by a batch rerun) may be done already: no interval is waited for it.</summary>
public sealed class ResumedWaitTests : EmulatorAndHomeTest
{
    private static readonly WaitOptions SlowPolls = new() { PollInterval = TimeSpan.FromSeconds(15), Timeout = TimeSpan.FromMinutes(1) };

    private async Task<WaitEvent> WaitOnceAsync(VeoEngine engine, VideoTask task, Veo.Core.Providers.IVideoProvider provider)
    {
        using var waiter = new TaskWaiter(engine, SlowPolls, CancellationToken.None);
        waiter.Add(task, provider);
        var events = waiter.Drain(TimeSpan.FromMilliseconds(50)).Where(e => e is { Kind: not WaitEventKind.Progress }).ToList();
        return Assert.Single(events)!;
    }

    [Fact]
    public async Task A_task_created_moments_ago_by_another_process_is_polled_at_once()
    {
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
        var made = await flow.WaitAsync(await flow.CreateAsync(BadRequests.Valid));
        // Another session: its engine did not make the task, and the journal says it is still queued.
        var resumed = new VeoEngine(new TaskJournal(Home.Journal.Path), TestHome.FastPolicy);
        var clock = Stopwatch.StartNew();

        var finished = await WaitOnceAsync(resumed, made with { Status = VideoTaskStatus.Queued }, flow.Provider);

        Assert.Equal(VideoTaskStatus.Completed, finished.Task.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_task_read_back_as_finished_is_not_asked_again()
    {
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
        var made = await flow.WaitAsync(await flow.CreateAsync(BadRequests.Valid));
        var polls = Emulator.Requests.Count(r => r.Method == "GET");

        var finished = await WaitOnceAsync(new VeoEngine(new TaskJournal(Home.Journal.Path), TestHome.FastPolicy), made, flow.Provider);

        Assert.Equal((WaitEventKind.Finished, VideoTaskStatus.Completed), (finished.Kind, finished.Task.Status));
        Assert.Equal(polls, Emulator.Requests.Count(r => r.Method == "GET"));
    }
}
