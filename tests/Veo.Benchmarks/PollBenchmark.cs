using Veo.Emulator;

namespace Veo.Benchmarks;

/// <summary>
/// Many tasks whose completion is spread over a minute, waited by one TaskWaiter: status polls per video against
/// the fewest possible at that interval, and the delay from the emulator's completion time to the file on disk.
/// </summary>
internal sealed class PollBenchmark(Settings settings, TextWriter output)
{
    private static readonly TimeSpan RenderTime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RenderSpread = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        var interval = settings.PollInterval;
        var count = settings.PollTasks;
        output.WriteLine($"  {count} tasks rendering {RenderTime.TotalSeconds:0}-{(RenderTime + RenderSpread).TotalSeconds:0} s (seeded), " +
                         $"poll interval {interval.TotalSeconds:0.###} s, no content lag; this takes about {(RenderTime + RenderSpread + interval).TotalSeconds:0} s.");
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            ApiKey = Settings.Key,
            QueueTime = TimeSpan.FromSeconds(1),
            RenderTime = RenderTime,
            RenderTimeSpread = RenderSpread,
            ContentLag = TimeSpan.Zero,
        });
        var folder = Directory.CreateTempSubdirectory("veo-bench-polls-");
        BatchResult batch;
        try
        {
            batch = await VeoBatch.RunAsync(emulator, count, interval, folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var polls = VeoBatch.PollsPerTask(emulator);
        var tasks = batch.Tasks;
        var actual = tasks.Average(t => (double)polls.GetValueOrDefault(t.Id));
        var minimum = tasks.Average(t => (double)VeoBatch.MinimumPolls(t, interval));
        var seen = tasks.Select(t => t.SeenDelay.TotalSeconds).ToList();
        var saved = tasks.Select(t => t.SavedDelay.TotalSeconds).ToList();
        var i = interval.TotalSeconds;

        var rows = new List<Row>
        {
            new("videos saved", $"{tasks.Count} of {count}", "-", "-", "all", tasks.Count == count && batch.Failures == 0),
            new("status polls per video", $"{actual:0.00}", $"minimum {minimum:0.00}", Table.Ratio(actual / minimum), "≤ 1.2× minimum", actual / minimum <= 1.2),
            new("completed → seen by the waiter, mean", Table.Seconds(seen.Average()), $"interval {i:0.###} s", Table.Ratio(seen.Average() / i), "-", null),
            new("completed → file on disk, mean", Table.Seconds(saved.Average()), $"interval {i:0.###} s", Table.Ratio(saved.Average() / i), "≤ 1 interval", saved.Average() <= i),
            new("completed → file on disk, p95", Table.Seconds(Stats.Percentile(saved, 0.95)), $"interval {i:0.###} s", Table.Ratio(Stats.Percentile(saved, 0.95) / i), "≤ 1 interval", Stats.Percentile(saved, 0.95) <= i),
            new("completed → file on disk, max", Table.Seconds(saved.Max()), $"interval {i:0.###} s", Table.Ratio(saved.Max() / i), "-", null),
        };
        Table.Print(output, $"Polls: {count} tasks finishing over a minute, TaskWaiter at {i:0.###} s", rows);
        return rows;
    }
}
