using System.Diagnostics;
using Veo.Core.Tasks;
using Veo.Emulator;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>Wait-VeoVideo -ThrottleLimit bounds the polls in flight across all tasks.</summary>
public class WaitThrottleTests : PowerShellTest
{
    private double SecondsToWaitFor(int throttle)
    {
        var made = Run("1..4 | ForEach-Object { \"throttled $_\" } | New-VeoVideo");
        // Every poll answered 600 ms late: one at a time, four polls take 2.4 s; four at a time, 0.6 s.
        Emulator.Faults.Add(new Fault(FaultKind.Latency, PathContains: "/v1/videos/task_", Times: 100) { Delay = TimeSpan.FromMilliseconds(600) });
        var clock = Stopwatch.StartNew();
        var done = Run("$tasks | Wait-VeoVideo -ThrottleLimit $throttle", ("tasks", made.Objects<VideoTask>().ToArray()), ("throttle", throttle));
        clock.Stop();
        Emulator.Faults.Clear();
        Assert.Empty(done.AllErrorRecords());
        Assert.Equal(4, done.Objects<VideoTask>().Count);
        return clock.Elapsed.TotalSeconds;
    }

    [Fact]
    public void One_poll_at_a_time_takes_the_latency_of_every_poll_four_take_about_one()
    {
        var serial = SecondsToWaitFor(1);
        var parallel = SecondsToWaitFor(4);

        Assert.True(serial >= 2.2, $"one at a time took {serial:0.0} s; four polls of 0.6 s cannot take less than 2.4 s");
        Assert.True(parallel < serial - 0.8, $"four at a time took {parallel:0.0} s, one at a time {serial:0.0} s");
    }
}
