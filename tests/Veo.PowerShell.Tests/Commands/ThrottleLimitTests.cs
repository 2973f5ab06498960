using System.Diagnostics;
using Veo.Core.Tasks;
using Veo.Emulator;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>New-VeoVideo -ThrottleLimit: creates side by side, with the caps and the journal as strict as one at a time.</summary>
public class ThrottleLimitTests : PowerShellTest
{
    /// <summary>Each create is answered 400 ms late, as a busy gateway does.</summary>
    private void SlowCreates(int count) =>
        Emulator.Faults.Add(new Fault(FaultKind.Latency, PathContains: "/v1/videos", Times: count) { Delay = TimeSpan.FromMilliseconds(400) });

    [Fact]
    public void Select_Object_First_stops_the_creates_still_waiting_for_a_slot()
    {
        SlowCreates(8);

        var result = Run("1..8 | ForEach-Object { \"prompt $_\" } | New-VeoVideo -ThrottleLimit 2 | Select-Object -First 1");

        Assert.Single(result.Objects<VideoTask>());
        // Two in flight, and the two that took their slots before the first task reached Select-Object; the other four
        // were still waiting when -First stopped the pipeline, and are never sent (all eight were, before).
        // A create in flight may reach the server only after -First returned (a busy machine): wait until the server's
        // count holds still for a moment and the journal has every create it saw, then compare.
        var settled = Stopwatch.StartNew();
        var seen = -1;
        while (settled.Elapsed < TimeSpan.FromSeconds(10) && (CreateCalls != seen || Home.Journal.Tasks().Count < CreateCalls))
        {
            seen = CreateCalls;
            Thread.Sleep(300);
        }
        Assert.InRange(CreateCalls, 1, 4);
        Assert.Equal(CreateCalls, Home.Journal.Tasks().Count);
    }

    [Fact]
    public void Eight_prompts_with_a_throttle_of_four_are_created_side_by_side_and_all_journaled()
    {
        SlowCreates(8);
        var clock = Stopwatch.StartNew();

        var result = Run("1..8 | ForEach-Object { \"prompt $_\" } | New-VeoVideo -ThrottleLimit 4");

        Assert.Empty(result.AllErrorRecords());
        var tasks = result.Objects<VideoTask>();
        Assert.Equal(8, tasks.Count);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"prompt {i}").OrderBy(p => p), tasks.Select(t => t.Prompt).OrderBy(p => p));
        // One after another takes 8 x 400 ms; four at a time about 2 x 400 ms.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.6), $"8 creates took {clock.Elapsed.TotalSeconds:0.0} s");
        var journaled = Home.Journal.ReadAll().Where(e => e.Event == JournalEntry.Created).Select(e => e.Id).ToHashSet();
        Assert.All(tasks, t => Assert.Contains(t.Id, journaled));
        Assert.Equal(8, CreateCalls);
    }

    [Fact]
    public void A_cap_holds_exactly_when_creates_run_side_by_side()
    {
        SlowCreates(8);

        var result = Run("1..8 | ForEach-Object { \"prompt $_\" } | New-VeoVideo -ThrottleLimit 8 -MaxCost 1.00 -ErrorAction SilentlyContinue -ErrorVariable capped; $capped");

        Assert.Equal(3, result.Objects<VideoTask>().Count);
        Assert.Equal(3, CreateCalls);
        Assert.Equal(5, result.Objects<System.Management.Automation.ErrorRecord>().Count(e => e.FullyQualifiedErrorId.StartsWith("SpendingCapReached", StringComparison.Ordinal)));
    }

    [Fact]
    public void Confirm_asks_only_about_the_videos_the_cap_will_let_through_while_others_wait_for_a_slot()
    {
        SlowCreates(5);
        for (var i = 0; i < 5; i++) Shell.Host.Answer("Yes");

        var result = Run("1..5 | ForEach-Object { \"prompt $_\" } | New-VeoVideo -ThrottleLimit 2 -MaxCost 1.00 -Confirm -ErrorAction SilentlyContinue -ErrorVariable capped; $capped");

        // Rows 3 and later wait for a slot; the fourth would pass $1.00 with the third counted, so it is refused, not asked about.
        Assert.Equal(3, result.Prompts.Count);
        Assert.Equal(3, result.Objects<VideoTask>().Count);
        Assert.Equal(3, CreateCalls);
        Assert.Equal(2, result.Objects<System.Management.Automation.ErrorRecord>().Count(e => e.FullyQualifiedErrorId.StartsWith("SpendingCapReached", StringComparison.Ordinal)));
    }
}
