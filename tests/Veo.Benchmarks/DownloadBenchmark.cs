using Veo.Core.Pricing;
using System.Globalization;
using Veo.Core;
using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Emulator;

namespace Veo.Benchmarks;

/// <summary>
/// One large video from the emulator, saved by Veo (VeoEngine.SaveAsync in a child process) and fetched by curl,
/// in alternating rounds: throughput of the transfer itself (process start-up excluded for both) and each process's
/// peak RSS from /usr/bin/time -v.
/// </summary>
internal sealed class DownloadBenchmark(Settings settings, TextWriter output)
{
    private const double RssTargetBytes = 64 * 1024 * 1024;
    private const double RssGrowthTargetBytes = 8 * 1024 * 1024;

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        if (!ChildProcess.OnPath("curl"))
        {
            output.WriteLine("curl is not on PATH: the download benchmark needs it as the reference (apt-get install -y curl).");
            return [];
        }
        if (!ChildProcess.CanMeasureMemory)
            output.WriteLine($"{ChildProcess.TimeProgram} is missing (apt-get install -y time): peak memory is not measured.");

        var rows = new List<Row>();
        var peaks = new List<(double Veo, double Curl)>();
        foreach (var size in settings.DownloadSizes)
        {
            var (veo, curl) = await MeasureAsync(size);
            var veoSpeed = Median(veo.Select(m => m.BytesPerSecond));
            var curlSpeed = Median(curl.Select(m => m.BytesPerSecond));
            // Each Veo run is paired with the curl run right after it, so a machine that drifts slower or faster mid-run moves both.
            var paired = veo.Zip(curl, (v, c) => v.BytesPerSecond / c.BytesPerSecond).ToList();
            var ratio = Median(paired);
            var veoPeak = veo.Max(m => m.PeakRss ?? double.NaN);
            var curlPeak = curl.Max(m => m.PeakRss ?? double.NaN);
            peaks.Add((veoPeak, curlPeak));
            rows.Add(new Row($"{SizeName(size)} throughput (median of {veo.Count} paired rounds)", Speed(veoSpeed), $"curl {Speed(curlSpeed)}",
                Table.Ratio(ratio), "≥ 0.95× curl", ratio >= 0.95));
            rows.Add(new Row($"{SizeName(size)} throughput: ratio of the medians; per round lowest–highest", "-", "-",
                $"{Table.Ratio(veoSpeed / curlSpeed)}; {Table.Ratio(paired.Min())}–{Table.Ratio(paired.Max())}", "-", null));
            var veoFirst = Median(veo.Select(m => m.FirstBytesPerSecond));
            rows.Add(new Row($"{SizeName(size)} throughput, Veo's first save in its process", Speed(veoFirst), $"curl {Speed(curlSpeed)}",
                Table.Ratio(veoFirst / curlSpeed), "-", null));
            rows.Add(new Row($"{SizeName(size)} peak RSS (max of {veo.Count})", Table.MiB(veoPeak), $"curl {Table.MiB(curlPeak)}",
                Table.Ratio(veoPeak / curlPeak), "≤ 64 MiB", double.IsNaN(veoPeak) ? null : veoPeak <= RssTargetBytes));
            rows.Add(new Row($"{SizeName(size)} Veo's RSS growth over its saves", Table.MiB(veo.Max(m => m.Growth)), "-", "-", "-", null));
            rows.Add(new Row($"{SizeName(size)} Veo's managed allocations in the timed save", Table.MiB(veo.Max(m => m.Allocated)), "-", "-", "-", null));
        }
        if (peaks.Count >= 2)
        {
            var veoGrowth = peaks[^1].Veo - peaks[0].Veo;
            var curlGrowth = peaks[^1].Curl - peaks[0].Curl;
            rows.Add(new Row($"peak RSS, {SizeName(settings.DownloadSizes[^1])} minus {SizeName(settings.DownloadSizes[0])}", Table.MiB(veoGrowth),
                $"curl {Table.MiB(curlGrowth)}", "-", "≤ 8 MiB (size-independent)", double.IsNaN(veoGrowth) ? null : veoGrowth <= RssGrowthTargetBytes));
        }
        Table.Print(output, "Download: Veo (VeoEngine.SaveAsync) vs curl -s -o", rows);
        return rows;
    }

    private async Task<(List<Measurement> Veo, List<Measurement> Curl)> MeasureAsync(long size)
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            ApiKey = Settings.Key,
            QueueTime = TimeSpan.Zero,
            RenderTime = TimeSpan.Zero,
            ContentLag = TimeSpan.Zero,
            LargeVideoBytes = size,
        });
        var id = await CreateTaskAsync(emulator);
        var folder = Directory.CreateTempSubdirectory("veo-bench-download-");
        var (veo, curl) = (new List<Measurement>(), new List<Measurement>());
        try
        {
            // Round 0 is not counted: on a VM the first touch of page-cache memory is slow, for whoever writes first.
            for (var round = 0; round <= RoundsFor(size); round++)
            {
                var v = await SaveWithVeoAsync(emulator.BaseUri, id, Path.Combine(folder.FullName, "veo.mp4"), size);
                var c = await FetchWithCurlAsync(new Uri(emulator.BaseUri, $"v1/videos/{id}/content"), Path.Combine(folder.FullName, "curl.mp4"), size);
                output.WriteLine($"  {SizeName(size)} round {round}{(round == 0 ? " (warm-up, not counted)" : "")}: " +
                                 $"Veo {Speed(v.BytesPerSecond)} (first save in its process {Speed(v.FirstBytesPerSecond)}), peak {Table.MiB(v.PeakRss ?? double.NaN)}" +
                                 $" | curl {Speed(c.BytesPerSecond)}, peak {Table.MiB(c.PeakRss ?? double.NaN)}");
                if (round == 0) continue;
                veo.Add(v);
                curl.Add(c);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        return (veo, curl);
    }

    /// <summary>Small downloads take a tenth of the time and vary more from run to run, so they get three times the rounds.</summary>
    private int RoundsFor(long size) => size >= 1L << 30 ? settings.DownloadRounds : settings.DownloadRounds * 3;

    private static async Task<string> CreateTaskAsync(EmulatorServer emulator)
    {
        var home = Directory.CreateTempSubdirectory("veo-bench-home-");
        try
        {
            var engine = new VeoEngine(new TaskJournal(Path.Combine(home.FullName, "journal.jsonl")));
            var route = BuiltInRoutes.LaoZhang.At(emulator.BaseUri);
            var provider = engine.Provider(route, new ApiKey(Settings.Key));
            var plan = engine.Plan(new VideoRequest { Prompt = "A lighthouse at dusk, one large file" }, route, PriceBook.Default);
            return (await engine.CreateAsync(plan, provider, new SpendingCaps(), CancellationToken.None)).Id;
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    private async Task<Measurement> SaveWithVeoAsync(Uri baseUri, string id, string path, long size)
    {
        var (program, leading) = ChildProcess.Self();
        var result = await ChildProcess.RunAsync(program,
            [.. leading, SaveOneCommand.Name, baseUri.ToString(), Settings.Key, id, path, settings.WarmUps.ToString(CultureInfo.InvariantCulture)],
            measureMemory: ChildProcess.CanMeasureMemory);
        var fields = Fields(result, "Veo");
        Check(path, size, long.Parse(fields["bytes"], CultureInfo.InvariantCulture), "Veo");
        File.Delete(path);
        return new Measurement(size / Number(fields["seconds"]), result.PeakRssBytes, Number(fields["peak_after"]) - Number(fields["peak_before"]),
            size / Number(fields["first_seconds"]), Number(fields["allocated"]));
    }

    private static async Task<Measurement> FetchWithCurlAsync(Uri url, string path, long size)
    {
        PageCache.Settle();
        var result = await ChildProcess.RunAsync("curl", ["-s", "-o", path, url.ToString(), "-H", $"Authorization: Bearer {Settings.Key}",
            "-w", "seconds=%{time_total} bytes=%{size_download}"], measureMemory: ChildProcess.CanMeasureMemory);
        var fields = Fields(result, "curl");
        Check(path, size, long.Parse(fields["bytes"], CultureInfo.InvariantCulture), "curl");
        File.Delete(path);
        var speed = size / Number(fields["seconds"]);
        return new Measurement(speed, result.PeakRssBytes, double.NaN, speed, double.NaN);
    }

    private static Dictionary<string, string> Fields(ChildResult result, string who)
    {
        if (result.ExitCode != 0) throw new InvalidOperationException($"{who} failed (exit {result.ExitCode}): {result.Stderr}{result.Stdout}");
        var line = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.Contains("seconds=", StringComparison.Ordinal));
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
    }

    private static void Check(string path, long size, long reported, string who)
    {
        var length = new FileInfo(path).Length;
        if (length != size || reported != size)
            throw new InvalidOperationException($"{who} wrote {length} bytes (reported {reported}), expected {size}.");
    }

    private static double Median(IEnumerable<double> values) => Stats.Median(values);

    private static string Speed(double bytesPerSecond) => $"{bytesPerSecond / (1024 * 1024):0} MiB/s";

    public static string SizeName(long bytes) =>
        bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB" : bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes} B";

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private sealed record Measurement(double BytesPerSecond, long? PeakRss, double Growth, double FirstBytesPerSecond, double Allocated);
}
