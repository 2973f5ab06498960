using Veo.Emulator;
using Veo.Soak;
using Xunit.Abstractions;

namespace Veo.Core.Tests.Reliability;

/// <summary>
/// The fault soak of tests/Veo.Soak, small enough for CI: New | Wait | Save through faults of every kind must
/// lose no paid task, bill none twice and leave no corrupt or partial file. The figures are in the README.
/// </summary>
public class FaultSoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Through_faults_of_every_kind_no_task_is_lost_none_is_made_twice_and_no_file_is_corrupt()
    {
        // A higher rate than the soak's 10 %, so every kind hits a few times even in 150 tasks.
        var report = await FaultSoak.RunAsync(new SoakOptions { Count = 150, RequestFaultRate = 0.2, TaskFaultRate = 0.2, Seed = 7 });
        var printed = new StringWriter();
        report.Print(printed);
        output.WriteLine(printed.ToString());

        Assert.False(report.Hung);
        // Every fault a task recovers from. An undeliverable video ends its task for good, a retired model every task of
        // that model, and the stock new-api shape is a gateway's dialect, not a fault: each is tested on its own
        // (ResilienceTests, Models/LifecycleTests, NewApiShapeTests).
        Assert.All(Enum.GetValues<FaultKind>().Where(k => k is not (FaultKind.VideoUndeliverable or FaultKind.ModelRetired or FaultKind.StockNewApiTaskShape or FaultKind.WrappedUnifiedShape)),
            kind => Assert.True(report.Injected.GetValueOrDefault(kind) > 0, $"no {kind} fault was injected"));
        Assert.Empty(report.LostTasks);
        Assert.Equal(0, report.DuplicateCreates);
        Assert.Equal(0, report.AmbiguousRetried);
        Assert.Equal(report.Options.Count, report.CreateRequests);
        Assert.Empty(report.CorruptFiles);
        Assert.Empty(report.PartialFiles);
        Assert.Equal(0, report.NotAsServed);
        Assert.Equal(0, report.WithoutOutcome);
        Assert.True(report.Clean);
    }
}
