using System.Globalization;
using System.Text;
using System.Text.Json;
using Veo.Core.Tasks;

namespace Veo.Benchmarks;

/// <summary>
/// A resume by id (Import-Csv ids.csv | Wait-VeoVideo | Save-VeoVideo, 40 ids) in a fresh pwsh, with a fresh journal
/// and with a long history of older finished tasks in it, and Tab on -Id there. The history is written the way a
/// journal from before compactions holds it (one file of every line), so the first command that reads it pays the one
/// compaction, which is shown on its own.
/// </summary>
internal sealed class JournalBenchmark(Settings settings, TextWriter output)
{
    private const int ResumedIds = 40;
    private const int Rounds = 3;
    private const double ResumeTarget = 1.5;
    private const double TabTargetMs = 100;

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        if (Pwsh.Missing() is { } missing)
        {
            output.WriteLine($"  {missing}");
            return [];
        }
        output.WriteLine($"  {ResumedIds} ids resumed in a fresh pwsh, {Rounds} rounds each; load before: {PipelineBenchmark.Load()}");
        var fresh = await MeasureAsync(0);
        var old = await MeasureAsync(settings.JournalOldTasks);
        var ratio = old.Resume / fresh.Resume;
        var rows = new List<Row>
        {
            new($"resume {ResumedIds} ids, {settings.JournalOldTasks:N0} older tasks (median of {Rounds})", Table.Seconds(old.Resume), $"fresh journal {Table.Seconds(fresh.Resume)}",
                Table.Ratio(ratio), $"≤ {ResumeTarget}× fresh", ratio <= ResumeTarget),
            new($"first command to read the {old.HistoryBytes / 1048576.0:0} MiB journal of {settings.JournalOldTasks:N0} tasks (compacts it, once)",
                Table.Seconds(old.FirstRead), $"fresh journal {Table.Seconds(fresh.FirstRead)}", "-", "-", null),
            new("live journal after it", Table.MiB(old.LiveBytes), $"fresh journal {Table.MiB(fresh.LiveBytes)}", "-", "-", null),
            new($"Tab on -Id, {settings.JournalOldTasks:N0} older tasks (median of 5 after the first)", $"{old.TabMs:0.0} ms", $"fresh journal {fresh.TabMs:0.0} ms",
                "-", $"< {TabTargetMs:0} ms", old.TabMs < TabTargetMs),
            new("first Tab on -Id in the process", $"{old.FirstTabMs:0} ms", $"PowerShell's own first Tab {old.BaselineTabMs:0} ms; fresh journal {fresh.FirstTabMs:0} ms", "-", "-", null),
            new("ids offered by Tab", $"{old.TabCount}", $"fresh journal {fresh.TabCount}", "-", "-", null),
        };
        Table.Print(output, $"Journal: resume by id and Tab completion with {settings.JournalOldTasks:N0} older tasks", rows);
        return rows;
    }

    private async Task<Measurement> MeasureAsync(int olderTasks)
    {
        using var emulator = await StandaloneEmulator.StartAsync(("render-seconds", 0), ("content-lag-seconds", 0), ("queue-seconds", 0));
        var home = Pwsh.NewHome("journal");
        try
        {
            var journal = Path.Combine(home.FullName, "journal.jsonl");
            if (olderTasks > 0) WriteHistory(journal, olderTasks, emulator.BaseUri);
            var historyBytes = File.Exists(journal) ? new FileInfo(journal).Length : 0;
            var csv = Path.Combine(home.FullName, "ids.csv");
            var common = new[] { ("Module", Pwsh.Module), ("BaseUri", emulator.BaseUri.ToString()), ("Key", Settings.Key) };
            var created = await Pwsh.RunAsync("CreateIds.ps1", home.FullName, [.. common, ("Count", ResumedIds.ToString(CultureInfo.InvariantCulture)), ("Csv", csv)]);
            var runs = new List<JsonElement>();
            for (var round = 0; round < Rounds; round++)
            {
                var run = await Pwsh.RunAsync("Resume.ps1", home.FullName, [.. common, ("Csv", csv), ("PollInterval", "1"),
                    ("OutFolder", Path.Combine(home.FullName, $"videos{round}"))]);
                if (run.GetProperty("files").GetInt32() != ResumedIds) throw new InvalidOperationException($"The resume saved {run.GetProperty("files")} of {ResumedIds} videos.");
                runs.Add(run);
            }
            double Median(string name) => Stats.Median(runs.Select(r => r.GetProperty(name).GetDouble()));
            output.WriteLine($"  {olderTasks:N0} older tasks: first read {created.GetProperty("firstRead").GetDouble():0.00} s, resumes " +
                             string.Join(", ", runs.Select(r => $"{r.GetProperty("resume").GetDouble():0.000} s")) + $"; load {PipelineBenchmark.Load()}");
            return new Measurement(Median("resume"), created.GetProperty("firstRead").GetDouble(), Median("tabMs"), Median("firstTabMs"), Median("baselineTabMs"),
                runs[0].GetProperty("tabCount").GetInt32(), runs[^1].GetProperty("liveBytes").GetDouble(), historyBytes);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    /// <summary>Older tasks as Veo journals them (sent, created, two polls, saved), a minute apart, in the journal's own format.</summary>
    private static void WriteHistory(string path, int count, Uri baseUri)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-count - 60);
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        void Line(JournalEntry e) => file.Write(JsonSerializer.Serialize(e, JournalJsonContext.Default.JournalEntry) + "\n");
        for (var n = 0; n < count; n++)
        {
            var (id, attempt, at) = ($"task_old{n:000000}", Guid.NewGuid().ToString("N"), start.AddMinutes(n));
            var request = new Veo.Core.Requests.VideoRequest { Prompt = $"An older video {n}", Model = "Fast" };
            Line(new JournalEntry { At = at, Event = JournalEntry.CreateSent, Attempt = attempt, Route = "LaoZhang", BaseUri = baseUri, Model = "veo-3.1-fast-generate-preview", Prompt = request.Prompt, Cost = 0.30m, Request = request });
            Line(new JournalEntry { At = at, Event = JournalEntry.Created, Id = id, Attempt = attempt, Route = "LaoZhang", BaseUri = baseUri, Model = "veo-3.1-fast-generate-preview", Status = VideoTaskStatus.Queued, Progress = 0, Prompt = request.Prompt, Cost = 0.30m, Request = request });
            Line(new JournalEntry { At = at.AddSeconds(30), Event = JournalEntry.StatusChanged, Id = id, Status = VideoTaskStatus.InProgress, Progress = 50 });
            Line(new JournalEntry { At = at.AddSeconds(60), Event = JournalEntry.StatusChanged, Id = id, Status = VideoTaskStatus.Completed, Progress = 100 });
            Line(new JournalEntry { At = at.AddSeconds(61), Event = JournalEntry.Saved, Id = id, Path = $"/videos/{id}.mp4" });
        }
    }

    private sealed record Measurement(double Resume, double FirstRead, double TabMs, double FirstTabMs, double BaselineTabMs, int TabCount, double LiveBytes, long HistoryBytes);
}
