using System.Globalization;
using Veo.Emulator;

namespace Veo.Benchmarks;

/// <summary>
/// A batch of text-to-video tasks from create to files on disk: Veo (create all, wait concurrently, save as each
/// finishes) against the gateway document's Python example (one task after another). Each client gets its own
/// emulator with the same seed, so task n renders for the same time in both runs.
/// </summary>
internal sealed class EndToEndBenchmark(Settings settings, TextWriter output)
{
    private const double Target = 2.0;
    private static readonly TimeSpan QueueTime = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan RenderTime = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RenderSpread = TimeSpan.FromSeconds(2);

    private static EmulatorOptions Emulator() => new()
    {
        ApiKey = Settings.Key,
        QueueTime = QueueTime,
        RenderTime = RenderTime,
        RenderTimeSpread = RenderSpread,
        ContentLag = TimeSpan.Zero,
    };

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        var count = settings.EndToEndTasks;
        var interval = settings.EndToEndInterval;
        output.WriteLine($"  {count} tasks rendering {RenderTime.TotalSeconds:0}-{(RenderTime + RenderSpread).TotalSeconds:0} s (seeded), " +
                         $"poll interval {interval.TotalSeconds:0.###} s for both clients, no content lag.");

        var (veo, veoPolls) = await RunVeoAsync(count, interval);
        output.WriteLine($"  Veo: {veo.Tasks.Count} videos in {veo.Elapsed.TotalSeconds:0.0} s");

        if (Python.MissingRequests() is { } missing)
        {
            output.WriteLine($"  {missing}");
            return [];
        }
        output.WriteLine($"  documented Python client: one task after another, about {count * (RenderTime + RenderSpread / 2 + interval / 2).TotalSeconds / 60:0} min ...");
        var (python, pythonPolls, pythonVideos) = await RunPythonAsync(count, interval);
        output.WriteLine($"  Python: {pythonVideos} videos in {python.TotalSeconds:0.0} s");

        var speedup = python / veo.Elapsed;
        var rows = new List<Row>
        {
            new("videos saved", $"{veo.Tasks.Count} of {count}", $"Python {pythonVideos} of {count}", "-", "all", veo.Tasks.Count == count && pythonVideos == count),
            new($"{count} videos, first create → last file on disk", Table.Seconds(veo.Elapsed.TotalSeconds), $"Python {Table.Seconds(python.TotalSeconds)}",
                $"{speedup:0.0}× faster", $"≥ {Target:0}× faster", speedup >= Target),
            new($"{count} videos, first create → last completion on the emulator (no client is faster)", Table.Seconds(veo.UntilLastCompletion.TotalSeconds), "-", "-", "-", null),
            new("status polls per video", $"{veoPolls:0.00}", $"Python {pythonPolls:0.00}", Table.Ratio(veoPolls / pythonPolls), "-", null),
        };
        Table.Print(output, $"End to end: {count} text-to-video tasks, Veo vs the documented Python client", rows);
        return rows;
    }

    private static async Task<(BatchResult Batch, double PollsPerVideo)> RunVeoAsync(int count, TimeSpan interval)
    {
        await using var emulator = await EmulatorServer.StartAsync(Emulator());
        var folder = Directory.CreateTempSubdirectory("veo-bench-e2e-veo-");
        try
        {
            var batch = await VeoBatch.RunAsync(emulator, count, interval, folder.FullName);
            return (batch, VeoBatch.PollsPerTask(emulator).Values.Sum() / (double)Math.Max(1, batch.Tasks.Count));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(TimeSpan Elapsed, double PollsPerVideo, int Videos)> RunPythonAsync(int count, TimeSpan interval)
    {
        await using var emulator = await EmulatorServer.StartAsync(Emulator());
        var folder = Directory.CreateTempSubdirectory("veo-bench-e2e-python-");
        try
        {
            var script = Path.Combine(AppContext.BaseDirectory, "python", "documented_client.py");
            var result = await ChildProcess.RunAsync(Python.Executable(),
                [script, "--base-url", emulator.BaseUri.ToString(), "--key", Settings.Key, "--count", count.ToString(CultureInfo.InvariantCulture),
                 "--interval", interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)],
                workingDirectory: folder.FullName, timeout: TimeSpan.FromHours(3));
            if (result.ExitCode != 0) throw new InvalidOperationException($"The Python client failed (exit {result.ExitCode}): {result.Stderr}");
            var videos = folder.GetFiles("*.mp4").Count(f => f.Length > 0);
            return (result.Elapsed, VeoBatch.PollsPerTask(emulator).Values.Sum() / (double)Math.Max(1, videos), videos);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
