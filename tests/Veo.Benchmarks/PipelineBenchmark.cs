using System.Globalization;
using System.Text.RegularExpressions;

namespace Veo.Benchmarks;

/// <summary>
/// N prompts through New-VeoVideo | Wait-VeoVideo -PollInterval I | Save-VeoVideo in pwsh 7.6.9 against the standalone
/// emulator rendering each for R seconds with a content lag of L: the last file on disk against the ideal, the last
/// create + R + L + I (a client that polls every I seconds cannot see a finish sooner than that). Also what each
/// video costs: polls, requests, journal bytes, and memory per task in flight from two batch sizes.
/// </summary>
internal sealed partial class PipelineBenchmark(Settings settings, TextWriter output)
{
    private const double Target = 1.3;

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        if (Pwsh.Missing() is { } missing)
        {
            output.WriteLine($"  {missing}");
            return [];
        }
        var (render, lag, interval) = (settings.PipelineRender, settings.PipelineLag, settings.PipelineInterval);
        output.WriteLine($"  pwsh {Pwsh.Version()}; render {render} s, content lag {lag} s, -PollInterval {interval}; load before: {Load()}");
        var rows = new List<Row>();
        var peaks = new List<(int Count, double Peak)>();
        foreach (var count in settings.PipelineCounts)
        {
            using var emulator = await StandaloneEmulator.StartAsync(Settings.Key, ("render-seconds", render), ("content-lag-seconds", lag), ("queue-seconds", 0));
            var home = Pwsh.NewHome("pipeline");
            try
            {
                var result = await Pwsh.RunAsync("Pipeline.ps1", home.FullName, ("Module", Pwsh.Module), ("BaseUri", emulator.BaseUri.ToString()),
                    ("Key", Settings.Key), ("Count", count.ToString(CultureInfo.InvariantCulture)), ("PollInterval", interval.ToString(CultureInfo.InvariantCulture)),
                    ("OutFolder", Path.Combine(home.FullName, "videos")));
                var files = result.GetProperty("files").GetInt32();
                var elapsed = result.GetProperty("elapsed").GetDouble();
                var lastCreate = result.GetProperty("lastCreate").GetDouble();
                var ideal = lastCreate + render + lag + interval;
                var requests = (await emulator.RequestsAsync()).Where(r => !r.Path.StartsWith("/_emulator", StringComparison.Ordinal)).ToList();
                var polls = requests.Count(r => r.Method == "GET" && PollPath().IsMatch(r.Path));
                var peak = result.GetProperty("peakRss").GetDouble();
                peaks.Add((count, peak));
                output.WriteLine($"  N = {count}: {files} files in {elapsed:0.00} s, last create at {lastCreate:0.00} s, ideal {ideal:0.00} s; load after: {Load()}");
                rows.Add(new Row($"N = {count}: videos saved", $"{files} of {count}", "-", "-", "all", files == count));
                rows.Add(new Row($"N = {count}: first prompt → last file on disk", Table.Seconds(elapsed),
                    $"ideal {Table.Seconds(ideal)} (last create {lastCreate:0.00} + R {render} + L {lag} + I {interval})", Table.Ratio(elapsed / ideal), $"≤ {Target}× ideal", elapsed / ideal <= Target));
                rows.Add(new Row($"N = {count}: status polls per video", $"{polls / (double)files:0.00}", "-", "-", "-", null));
                rows.Add(new Row($"N = {count}: HTTP requests per video (create, polls, downloads)", $"{requests.Count / (double)files:0.00}", "-", "-", "-", null));
                rows.Add(new Row($"N = {count}: journal bytes per video", $"{result.GetProperty("journalBytes").GetDouble() / files:0}", "-", "-", "-", null));
                rows.Add(new Row($"N = {count}: pwsh peak RSS", Table.MiB(peak), "-", "-", "-", null));
            }
            finally
            {
                home.Delete(recursive: true);
            }
        }
        if (peaks.Count >= 2 && peaks[^1].Count != peaks[0].Count)
        {
            var perTask = (peaks[^1].Peak - peaks[0].Peak) / (peaks[^1].Count - peaks[0].Count);
            rows.Add(new Row($"memory per task in flight (peak RSS, N = {peaks[^1].Count} minus N = {peaks[0].Count}, per task)", $"{perTask / 1024:0} KiB", "-", "-", "-", null));
        }
        Table.Print(output, "Pipeline in pwsh: New-VeoVideo | Wait-VeoVideo | Save-VeoVideo vs the ideal", rows);
        return rows;
    }

    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    [GeneratedRegex("^/v1/(videos|video/generations)/[^/]+$")]
    private static partial Regex PollPath();
}
