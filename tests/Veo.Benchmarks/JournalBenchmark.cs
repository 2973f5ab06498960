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
        output.WriteLine($"  {ResumedIds} ids resumed in a fresh pwsh, {Rounds} rounds each, fresh and older journal alternating; load before: {PipelineBenchmark.Load()}");
        using var freshSetup = await Setup.PrepareAsync(0);
        using var oldSetup = await Setup.PrepareAsync(settings.JournalOldTasks);
        // Alternating rounds, so a machine whose load drifts during the run moves both sides alike.
        for (var round = 0; round < Rounds; round++)
        {
            await freshSetup.ResumeAsync(round);
            await oldSetup.ResumeAsync(round);
        }
        var fresh = freshSetup.Measure(output);
        var old = oldSetup.Measure(output);
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

    /// <summary>One journal's side of the comparison: its emulator, its home with the ids made, and the resumes run so far.</summary>
    private sealed class Setup : IDisposable
    {
        private readonly StandaloneEmulator _emulator;
        private readonly DirectoryInfo _home;
        private readonly JsonElement _created;
        private readonly int _olderTasks;
        private readonly long _historyBytes;
        private readonly List<JsonElement> _runs = [];

        private Setup(StandaloneEmulator emulator, DirectoryInfo home, JsonElement created, int olderTasks, long historyBytes)
        {
            (_emulator, _home, _created, _olderTasks, _historyBytes) = (emulator, home, created, olderTasks, historyBytes);
        }

        private string Csv => Path.Combine(_home.FullName, "ids.csv");

        private (string, string)[] Common => [("Module", Pwsh.Module), ("BaseUri", _emulator.BaseUri.ToString()), ("Key", Settings.Key)];

        public static async Task<Setup> PrepareAsync(int olderTasks)
        {
            var emulator = await StandaloneEmulator.StartAsync(Settings.Key, ("render-seconds", 0), ("content-lag-seconds", 0), ("queue-seconds", 0));
            var home = Pwsh.NewHome("journal");
            var journal = Path.Combine(home.FullName, "journal.jsonl");
            if (olderTasks > 0) WriteHistory(journal, olderTasks, emulator.BaseUri);
            var historyBytes = File.Exists(journal) ? new FileInfo(journal).Length : 0;
            var csv = Path.Combine(home.FullName, "ids.csv");
            var created = await Pwsh.RunAsync("CreateIds.ps1", home.FullName,
                [("Module", Pwsh.Module), ("BaseUri", emulator.BaseUri.ToString()), ("Key", Settings.Key), ("Count", ResumedIds.ToString(CultureInfo.InvariantCulture)), ("Csv", csv)]);
            return new Setup(emulator, home, created, olderTasks, historyBytes);
        }

        public async Task ResumeAsync(int round)
        {
            var run = await Pwsh.RunAsync("Resume.ps1", _home.FullName, [.. Common, ("Csv", Csv), ("PollInterval", "1"),
                ("OutFolder", Path.Combine(_home.FullName, $"videos{round}"))]);
            if (run.GetProperty("files").GetInt32() != ResumedIds) throw new InvalidOperationException($"The resume saved {run.GetProperty("files")} of {ResumedIds} videos.");
            _runs.Add(run);
        }

        public Measurement Measure(TextWriter output)
        {
            double Median(string name) => Stats.Median(_runs.Select(r => r.GetProperty(name).GetDouble()));
            output.WriteLine($"  {_olderTasks:N0} older tasks: first read {_created.GetProperty("firstRead").GetDouble():0.00} s, resumes " +
                             string.Join(", ", _runs.Select(r => $"{r.GetProperty("resume").GetDouble():0.000} s")) + $"; load {PipelineBenchmark.Load()}");
            return new Measurement(Median("resume"), _created.GetProperty("firstRead").GetDouble(), Median("tabMs"), Median("firstTabMs"), Median("baselineTabMs"),
                _runs[0].GetProperty("tabCount").GetInt32(), _runs[^1].GetProperty("liveBytes").GetDouble(), _historyBytes);
        }

        public void Dispose()
        {
            _emulator.Dispose();
            _home.Delete(recursive: true);
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
