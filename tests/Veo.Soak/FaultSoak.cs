using Veo.Core.Pricing;
using System.Diagnostics;
using Veo.Core;
using Veo.Core.Http;
using Veo.Core.Providers;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Emulator;

namespace Veo.Soak;

public sealed record SoakOptions
{
    public int Count { get; init; } = 1000;
    /// <summary>Share of all requests hit by a request fault.</summary>
    public double RequestFaultRate { get; init; } = 0.10;
    /// <summary>Share of created tasks made to fail or to lag.</summary>
    public double TaskFaultRate { get; init; } = 0.10;
    public int Seed { get; init; } = 1;
    public IReadOnlyList<VideoRoute> Routes { get; init; } = [BuiltInRoutes.LaoZhang, BuiltInRoutes.Crazyrouter, BuiltInRoutes.Google];
    /// <summary>A soak still running after this has hung.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>Where the journal and the videos go; a fresh temp folder when null (removed afterwards).</summary>
    public string? Folder { get; init; }
}

/// <summary>
/// New | Wait | Save for many prompts against the emulator with faults of every kind, driven through the engine
/// the way the cmdlets drive it: creates one after another on the pipeline thread, a <see cref="TaskWaiter"/>
/// polling in the background, each finished task saved as it comes out. Then the server's books are compared
/// with the journal and the disk.
/// </summary>
public static class FaultSoak
{
    public const string Key = "emulator-key";

    /// <summary>Fast retries, so faults cost milliseconds; the shape (what is retried, what is not) is the product's.</summary>
    public static HttpPolicy Policy { get; } = new()
    {
        MaxRetries = 5,
        FirstRetryDelay = TimeSpan.FromMilliseconds(25),
        RefusedRetryFirst = TimeSpan.FromMilliseconds(25),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(1.5),
        Deadline = TimeSpan.FromSeconds(30),
        ContentRetryInterval = TimeSpan.FromMilliseconds(100),
        ContentReadyDeadline = TimeSpan.FromSeconds(20),
    };

    public static string PromptOf(int i) => $"Soak task {i:D5}: a lighthouse at dusk, waves on the rocks";

    public static async Task<SoakReport> RunAsync(SoakOptions options, TextWriter? progress = null)
    {
        var folder = options.Folder ?? Path.Combine(Path.GetTempPath(), "veo-soak", Guid.NewGuid().ToString("N"));
        var videos = Path.Combine(folder, "videos");
        Directory.CreateDirectory(videos);
        try
        {
            await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
            {
                ApiKey = Key,
                QueueTime = TimeSpan.FromMilliseconds(100),
                RenderTime = TimeSpan.FromSeconds(1),
                ContentLag = TimeSpan.FromMilliseconds(200),
                Seed = options.Seed,
            });
            foreach (var fault in SoakFaults.Plan(options.RequestFaultRate, options.TaskFaultRate, Policy.AttemptTimeout))
                emulator.Faults.Add(fault);

            var engine = new VeoEngine(new TaskJournal(Path.Combine(folder, "journal.jsonl")), Policy);
            var run = new Run(engine, options, videos, progress);
            var clock = Stopwatch.StartNew();
            using var deadline = new CancellationTokenSource(options.Deadline);
            var hung = false;
            try
            {
                await run.ExecuteAsync(emulator.BaseUri, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                hung = true;
            }
            clock.Stop();
            return SoakReport.Audit(options, emulator, engine.Journal, videos, folder, run, clock.Elapsed, hung);
        }
        finally
        {
            if (options.Folder is null) TryDelete(folder);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>What the client side saw: the pipeline of one soak.</summary>
    internal sealed class Run(VeoEngine engine, SoakOptions options, string videos, TextWriter? progress)
    {
        public int Ambiguous { get; private set; }
        public List<string> RefusedCreates { get; } = [];
        public int Saved { get; private set; }
        public int FailedReported { get; private set; }
        public List<string> WaitErrors { get; } = [];
        public List<string> SaveErrors { get; } = [];

        public async Task ExecuteAsync(Uri baseUri, CancellationToken cancellationToken)
        {
            var providers = options.Routes.Select(r => engine.Provider(r.At(baseUri), new ApiKey(Key))).ToList();
            using var waiter = new TaskWaiter(engine, new WaitOptions
            {
                PollInterval = TimeSpan.FromMilliseconds(300),
                Timeout = TimeSpan.FromMinutes(3),
            }, cancellationToken);

            // The money path New-VeoVideo takes: plan, reserve against the caps, create (no cap is set here).
            var caps = new SpendingCaps();
            // New-VeoVideo: one create after another; Wait-VeoVideo passes on what finished meanwhile; Save-VeoVideo saves it.
            for (var i = 0; i < options.Count; i++)
            {
                var provider = providers[i % providers.Count];
                var plan = engine.Plan(new VideoRequest { Prompt = PromptOf(i) }, provider.Route, PriceBook.Default);
                try
                {
                    waiter.Add(await engine.CreateAsync(plan, provider, caps, cancellationToken), provider);
                }
                catch (AmbiguousCreateException)
                {
                    Ambiguous++;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    RefusedCreates.Add(e is ApiException api ? $"{(int)api.StatusCode} {api.ErrorCode}" : e.GetType().Name);
                }
                while (waiter.TryTake(out var waitEvent)) await HandleAsync(waitEvent!, providers, cancellationToken);
                if ((i + 1) % 100 == 0) progress?.WriteLine($"  {i + 1} creates sent, {Saved} saved");
            }
            foreach (var waitEvent in waiter.Drain(TimeSpan.FromMilliseconds(250)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (waitEvent is not null) await HandleAsync(waitEvent, providers, cancellationToken);
            }
        }

        private async Task HandleAsync(WaitEvent waitEvent, IReadOnlyList<IVideoProvider> providers, CancellationToken cancellationToken)
        {
            var task = waitEvent.Task;
            switch (waitEvent.Kind)
            {
                case WaitEventKind.Progress:
                    return;
                case WaitEventKind.Finished when task.Status == VideoTaskStatus.Completed:
                    var provider = providers.First(p => p.Route.Name == task.Route);
                    try
                    {
                        await engine.SaveAsync(task, provider, Path.Combine(videos, TaskFileName.For(task.Id)), overwrite: false, NullEngineLog.Instance, cancellationToken);
                        Saved++;
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                    {
                        SaveErrors.Add($"{task.Id}: {e.GetType().Name}: {e.Message}");
                    }
                    return;
                case WaitEventKind.Finished:
                    FailedReported++;
                    return;
                default:
                    WaitErrors.Add($"{task.Id}: {waitEvent.Kind}: {waitEvent.Error?.GetType().Name}: {waitEvent.Error?.Message}");
                    return;
            }
        }
    }
}
