using System.Globalization;

namespace Veo.Benchmarks;

/// <summary>
/// Save-VeoVideo, the cmdlet in pwsh, against curl -s -o of the same URL, alternating in one pwsh (after one save not
/// counted), at each size: throughput from the cmdlet's start to its output (the box check, rename and journal
/// included) and curl's own time_total, and pwsh's peak RSS growth over its saves.
/// </summary>
internal sealed class SaveCmdletBenchmark(Settings settings, TextWriter output)
{
    private const double Target = 0.95;

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        if (Pwsh.Missing() is { } missing)
        {
            output.WriteLine($"  {missing}");
            return [];
        }
        if (!ChildProcess.OnPath("curl"))
        {
            output.WriteLine("  curl is not on PATH: it is the reference (apt-get install -y curl).");
            return [];
        }
        var rows = new List<Row>();
        var peaks = new List<double>();
        foreach (var size in settings.DownloadSizes)
        {
            using var emulator = await StandaloneEmulator.StartAsync(Settings.Key, ("render-seconds", 0), ("content-lag-seconds", 0), ("queue-seconds", 0), ("large-video-bytes", size));
            var home = Pwsh.NewHome("save");
            try
            {
                var rounds = size >= 1L << 30 ? settings.DownloadRounds : settings.DownloadRounds * 3;
                var result = await Pwsh.RunAsync("Save.ps1", home.FullName, ("Module", Pwsh.Module), ("BaseUri", emulator.BaseUri.ToString()),
                    ("Key", Settings.Key), ("Rounds", rounds.ToString(CultureInfo.InvariantCulture)), ("OutFolder", home.FullName));
                if (result.GetProperty("bytes").GetInt64() != size) throw new InvalidOperationException($"Save-VeoVideo saved {result.GetProperty("bytes")} bytes, not {size}.");
                var veo = result.GetProperty("veo").EnumerateArray().Select(s => size / s.GetDouble()).ToList();
                var curl = result.GetProperty("curl").EnumerateArray().Select(s => size / s.GetDouble()).ToList();
                var paired = veo.Zip(curl, (v, c) => v / c).ToList();
                var ratio = Stats.Median(paired);
                var growth = result.GetProperty("peakAfter").GetDouble() - result.GetProperty("peakBefore").GetDouble();
                peaks.Add(result.GetProperty("peakAfter").GetDouble());
                var name = DownloadBenchmark.SizeName(size);
                output.WriteLine($"  {name}: Save-VeoVideo {string.Join(", ", veo.Select(Speed))} | curl {string.Join(", ", curl.Select(Speed))}; load {PipelineBenchmark.Load()}");
                rows.Add(new Row($"{name} Save-VeoVideo throughput (median of {paired.Count} paired rounds)", Speed(Stats.Median(veo)), $"curl {Speed(Stats.Median(curl))}",
                    Table.Ratio(ratio), $"≥ {Target}× curl", ratio >= Target));
                rows.Add(new Row($"{name} per round lowest–highest", "-", "-", $"{Table.Ratio(paired.Min())}–{Table.Ratio(paired.Max())}", "-", null));
                rows.Add(new Row($"{name} pwsh peak RSS growth over its saves", Table.MiB(growth), "-", "-", "-", null));
            }
            finally
            {
                home.Delete(recursive: true);
            }
        }
        if (peaks.Count >= 2)
        {
            var difference = peaks[^1] - peaks[0];
            rows.Add(new Row($"pwsh peak RSS, {DownloadBenchmark.SizeName(settings.DownloadSizes[^1])} minus {DownloadBenchmark.SizeName(settings.DownloadSizes[0])}",
                Table.MiB(difference), "-", "-", "≤ 8 MiB (size-independent)", difference <= 8 * 1048576.0));
        }
        Table.Print(output, "Save-VeoVideo (the cmdlet, pwsh) vs curl -s -o", rows);
        return rows;
    }

    private static string Speed(double bytesPerSecond) => $"{bytesPerSecond / 1048576:0} MiB/s";
}
