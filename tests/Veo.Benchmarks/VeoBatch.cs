using Veo.Core.Pricing;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Veo.Core;
using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Emulator;

namespace Veo.Benchmarks;

/// <summary>One video of a batch: when Veo had its id, when the emulator completed it, when Veo saw that and when the file was on disk.</summary>
internal sealed record TaskTiming(string Id, DateTimeOffset Known, DateTimeOffset Completed, DateTimeOffset Seen, DateTimeOffset Saved, long Length)
{
    public TimeSpan SeenDelay => Seen - Completed;
    public TimeSpan SavedDelay => Saved - Completed;
}

internal sealed record BatchResult(IReadOnlyList<TaskTiming> Tasks, DateTimeOffset Started, TimeSpan Elapsed, int Failures)
{
    /// <summary>From the first create to the last completion on the emulator: what no client can beat.</summary>
    public TimeSpan UntilLastCompletion => Tasks.Count == 0 ? TimeSpan.Zero : Tasks.Max(t => t.Completed) - Started;
}

/// <summary>
/// The way a script uses Veo for a batch (what New-VeoVideo | Wait-VeoVideo | Save-VeoVideo do): create every task,
/// hand each to one <see cref="TaskWaiter"/> as it is created, and save each video the moment its task finishes.
/// </summary>
internal static partial class VeoBatch
{
    public static async Task<BatchResult> RunAsync(EmulatorServer emulator, int count, TimeSpan interval, string folder)
    {
        var home = Directory.CreateTempSubdirectory("veo-bench-home-");
        try
        {
            var engine = new VeoEngine(new TaskJournal(Path.Combine(home.FullName, "journal.jsonl")),
                HttpPolicy.Default with { ContentRetryInterval = interval });
            var route = BuiltInRoutes.LaoZhang.At(emulator.BaseUri);
            var provider = engine.Provider(route, new ApiKey(Settings.Key));
            var known = new Dictionary<string, DateTimeOffset>();
            var saves = new List<Task<TaskTiming>>();
            var failures = 0;

            var started = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            using var waiter = new TaskWaiter(engine, new WaitOptions { PollInterval = interval, Timeout = TimeSpan.FromMinutes(30) }, CancellationToken.None);
            var caps = new SpendingCaps();
            for (var i = 1; i <= count; i++)
            {
                var plan = engine.Plan(new VideoRequest { Prompt = $"A cinematic lighthouse at sunset, ocean waves, slow camera push-in ({i})" }, route, PriceBook.Default);
                var task = await engine.CreateAsync(plan, provider, caps, CancellationToken.None);
                known[task.Id] = DateTimeOffset.UtcNow;
                waiter.Add(task, provider);
            }
            // Drain blocks, so it gets a thread of its own; saves run on the pool while other tasks are still polled.
            await Task.Factory.StartNew(() =>
            {
                foreach (var e in waiter.Drain(TimeSpan.FromMilliseconds(100)))
                {
                    if (e is null || e.Kind == WaitEventKind.Progress) continue;
                    if (e.Kind != WaitEventKind.Finished || e.Task.Status != VideoTaskStatus.Completed)
                    {
                        failures++;
                        Console.Error.WriteLine($"  {e.Task.Id}: {e.Kind} {e.Error?.Message ?? e.Task.Error}");
                        continue;
                    }
                    var seen = DateTimeOffset.UtcNow;
                    var finished = e.Task;
                    saves.Add(Task.Run(async () =>
                    {
                        var saved = await engine.SaveAsync(finished, provider, Path.Combine(folder, finished.Id + ".mp4"), overwrite: true,
                            NullEngineLog.Instance, CancellationToken.None);
                        return new TaskTiming(finished.Id, known[finished.Id], emulator.CompletionTimeOf(finished.Id)!.Value, seen,
                            DateTimeOffset.UtcNow, saved.File.Length);
                    }));
                }
            }, TaskCreationOptions.LongRunning);
            var timings = await Task.WhenAll(saves);
            watch.Stop();
            return new BatchResult(timings, started, watch.Elapsed, failures);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    /// <summary>Status polls per task id, as the emulator logged them (GET v1/videos/{id} and the compatibility path; not /content).</summary>
    public static Dictionary<string, int> PollsPerTask(EmulatorServer emulator) =>
        emulator.Requests
            .Where(r => r.Method == "GET")
            .Select(r => PollPath().Match(r.Path))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups["id"].Value)
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// The fewest polls that see a task finish no later than one interval after it does, when all the client knows is
    /// the moment it got the id: one poll per interval from then on, the last one the first at or after completion.
    /// </summary>
    public static int MinimumPolls(TaskTiming task, TimeSpan interval) =>
        Math.Max(1, (int)Math.Ceiling((task.Completed - task.Known) / interval));

    [GeneratedRegex("^/v1/(videos|video/generations)/(?<id>[^/]+)$")]
    private static partial Regex PollPath();
}
