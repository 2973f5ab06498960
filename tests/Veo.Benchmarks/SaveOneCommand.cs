using System.Diagnostics;
using System.Globalization;
using Veo.Core;
using Veo.Core.Http;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Benchmarks;

/// <summary>
/// The child process of the download benchmark: polls the task once (as Wait-VeoVideo would have), then saves it
/// with <see cref="VeoEngine.SaveAsync"/> and prints how long the save took and its own memory, so its peak RSS is
/// Veo's alone, not the emulator's.
/// </summary>
internal static class SaveOneCommand
{
    public const string Name = "save-one";

    /// <summary>Arguments: base URI, key, task id, output path, number of warm-up saves before the timed one, and optionally the route (LaoZhang).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (baseUri, key, id, path) = (new Uri(args[0]), args[1], args[2], args[3]);
        var warmUps = int.Parse(args[4], CultureInfo.InvariantCulture);
        var home = Directory.CreateTempSubdirectory("veo-bench-child-");
        try
        {
            var engine = new VeoEngine(new TaskJournal(Path.Combine(home.FullName, "journal.jsonl")));
            var route = (args.Count > 5 ? BuiltInRoutes.Find(args[5])! : BuiltInRoutes.LaoZhang).At(baseUri);
            var provider = engine.Provider(route, new ApiKey(key));
            var task = await engine.RefreshAsync(new VideoTask { Id = id, Route = route.Name, BaseUri = route.BaseUri }, provider, CancellationToken.None);
            var before = PeakRssBytes();
            var first = TimeSpan.Zero;
            for (var i = 0; i < warmUps; i++)
            {
                var warmUp = Stopwatch.StartNew();
                await engine.SaveAsync(task, provider, path, overwrite: true, NullEngineLog.Instance, CancellationToken.None);
                if (i == 0) first = warmUp.Elapsed;
                // The timed save starts from no file, as curl's does, not alongside a gigabyte still in the page cache.
                File.Delete(path);
            }

            PageCache.Settle();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var collections = GC.CollectionCount(0);
            var watch = Stopwatch.StartNew();
            var saved = await engine.SaveAsync(task, provider, path, overwrite: true, NullEngineLog.Instance, CancellationToken.None);
            watch.Stop();
            if (warmUps == 0) first = watch.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seconds={watch.Elapsed.TotalSeconds} first_seconds={first.TotalSeconds} bytes={saved.File.Length} peak_before={before} peak_after={PeakRssBytes()} allocated={GC.GetTotalAllocatedBytes(precise: true) - allocated} gen0={GC.CollectionCount(0) - collections}"));
            return 0;
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    /// <summary>VmHWM: the most resident memory this process has had so far.</summary>
    public static long PeakRssBytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
