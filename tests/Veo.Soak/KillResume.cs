using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Veo.Core.Media;
using Veo.Core.Tasks;
using Veo.Emulator;

namespace Veo.Soak;

public sealed record KillResumeOptions
{
    public int Count { get; init; } = 40;
    /// <summary>The emulator's render time: long enough that the batch is mid-way when it is killed.</summary>
    public double RenderSeconds { get; init; } = 3;
    /// <summary>The batch is killed once this many videos are saved (and a download is under way, if one starts soon).</summary>
    public int KillAfterSaved { get; init; } = 10;
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Where VEO_HOME, the prompts and the videos go; a fresh temp folder when null (removed afterwards).</summary>
    public string? Folder { get; init; }
}

/// <summary>
/// The crash figure: a standalone emulator process, the demo's batch run against it in a child process with
/// VEO_HOME in a temp folder, <c>kill -9</c> of that child after some videos are saved, then <c>--resume</c>.
/// Afterwards every task the server made must be on disk exactly once, as a whole MP4, and nothing made twice.
/// </summary>
public static class KillResume
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string PromptOf(int i) => $"Kill-resume task {i:D3}: a paper boat in the rain";

    public static async Task<KillResumeReport> RunAsync(KillResumeOptions options, TextWriter? progress = null)
    {
        var folder = options.Folder ?? Path.Combine(Path.GetTempPath(), "veo-killresume", Guid.NewGuid().ToString("N"));
        var home = Path.Combine(folder, "home");
        var videos = Path.Combine(folder, "videos");
        Directory.CreateDirectory(home);
        var prompts = Path.Combine(folder, "prompts.csv");
        File.WriteAllLines(prompts, new[] { "Prompt" }.Concat(Enumerable.Range(0, options.Count).Select(PromptOf)));
        var clock = Stopwatch.StartNew();
        try
        {
            using var emulator = await StandaloneEmulator.StartAsync(FaultSoak.Key, ("queue-seconds", 0.5), ("render-seconds", options.RenderSeconds), ("content-lag-seconds", 0.5));
            var baseUri = emulator.BaseUri;
            using var admin = new HttpClient { BaseAddress = baseUri };
            // Slow, sometimes cut-short downloads, so the kill lands while one is being written.
            await AddFaultAsync(admin, new { kind = "Latency", pathContains = "/content", times = 1_000_000, probability = 0.6, delaySeconds = 0.3 });
            await AddFaultAsync(admin, new { kind = "TruncateBody", pathContains = "/content", times = 1_000_000, probability = 0.1 });

            var environment = new Dictionary<string, string> { ["VEO_HOME"] = home };
            string[] common = ["--base-uri", baseUri.ToString(), "--key", FaultSoak.Key, "--out", videos, "--poll", "0.5"];
            var journal = new TaskJournal(Path.Combine(home, "journal.jsonl"));

            progress?.WriteLine($"  emulator pid {emulator.Id} at {baseUri}; batch of {options.Count} in a child process, VEO_HOME={home}");
            KillMoment? killed;
            using (var batch = ChildProcess.Start("Veo.Demo", [.. common, "--csv", prompts], environment))
            {
                killed = await KillMidwayAsync(batch, journal, videos, options);
                progress?.WriteLine(killed is null
                    ? $"  the batch ended (exit {batch.ExitCode}) before it could be killed"
                    : $"  kill -9 pid {batch.Id} at {killed.At.TotalSeconds:0.0} s: {killed.Created} created, {killed.Saved} saved, {killed.Partials} *.partial on disk");
            }
            var createdBeforeResume = (await TasksAsync(admin)).Count;

            var resumeClock = Stopwatch.StartNew();
            using var resume = ChildProcess.Start("Veo.Demo", [.. common, "--resume"], environment);
            var resumed = await resume.WaitForExitAsync(options.Deadline);
            resumeClock.Stop();
            var pending = resume.Lines.Select(l => Regex.Match(l, @"^(\d+) pending task")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            progress?.WriteLine($"  resume: {pending ?? "?"} pending task(s), {(resumed ? $"exit {resume.ExitCode}" : "still running at the deadline")} after {resumeClock.Elapsed.TotalSeconds:0.0} s");
            if (!resumed || resume.ExitCode != 0)
                foreach (var line in resume.Lines.Where(l => l.StartsWith("FAILED") || l.StartsWith("stderr") || l.Contains("Exception")).Take(10))
                    progress?.WriteLine("    " + line);

            return Audit(options, await TasksAsync(admin), createdBeforeResume, journal, videos, folder, killed,
                resumed ? resume.ExitCode : null, int.TryParse(pending, out var p) ? p : -1, resumeClock.Elapsed, clock.Elapsed);
        }
        finally
        {
            if (options.Folder is null) TryDelete(folder);
        }
    }

    private static async Task<KillMoment?> KillMidwayAsync(ChildProcess batch, TaskJournal journal, string videos, KillResumeOptions options)
    {
        var started = Stopwatch.StartNew();
        TimeSpan? enoughSavedAt = null;
        while (started.Elapsed < options.Deadline && !batch.HasExited)
        {
            var entries = journal.ReadAll();
            var saved = entries.Count(e => e.Event == JournalEntry.Saved);
            if (saved >= options.KillAfterSaved)
            {
                enoughSavedAt ??= started.Elapsed;
                var partials = Directory.Exists(videos) ? Directory.EnumerateFiles(videos, "*.partial").Count() : 0;
                // Best with a download half written; a while without one and it goes anyway.
                if (partials > 0 || started.Elapsed - enoughSavedAt > TimeSpan.FromSeconds(3))
                {
                    batch.Kill();
                    entries = journal.ReadAll();
                    return new KillMoment(started.Elapsed, entries.Count(e => e.Event == JournalEntry.Created),
                        entries.Count(e => e.Event == JournalEntry.Saved), Directory.EnumerateFiles(videos, "*.partial").Count());
                }
            }
            await Task.Delay(20);
        }
        batch.Kill();
        return null;
    }

    private static KillResumeReport Audit(KillResumeOptions options, IReadOnlyList<CreatedTask> server, int createdBeforeResume, TaskJournal journal,
        string videos, string folder, KillMoment? killed, int? resumeExit, int pending, TimeSpan resumeTime, TimeSpan wallTime)
    {
        var files = Directory.Exists(videos) ? Directory.EnumerateFiles(videos, "*.mp4").Select(Path.GetFileName).ToHashSet()! : [];
        var expected = server.Select(t => TaskFileName.For(t.Id)).ToHashSet();
        var invalid = new List<string>();
        foreach (var file in files.Where(expected.Contains))
        {
            try
            {
                Mp4Reader.ReadFile(Path.Combine(videos, file!));
            }
            catch (InvalidVideoException e)
            {
                invalid.Add($"{file}: {e.Message}");
            }
        }
        var entries = journal.ReadAll();
        return new KillResumeReport
        {
            Options = options,
            Killed = killed,
            ResumeExitCode = resumeExit,
            PendingAtResume = pending,
            ResumeTime = resumeTime,
            WallTime = wallTime,
            ServerCreated = server.Count,
            CreatedByResume = server.Count - createdBeforeResume,
            DuplicateCreates = server.GroupBy(t => t.Prompt).Sum(g => g.Count() - 1),
            Unsaved = expected.Except(files).Count(),
            Strays = files.Except(expected).Count(),
            InvalidFiles = invalid,
            Partials = Directory.EnumerateFiles(folder, "*.partial", SearchOption.AllDirectories).Count(),
            SavedEntriesTwice = entries.Where(e => e.Event == JournalEntry.Saved).GroupBy(e => e.Id).Count(g => g.Count() > 1),
            Files = files.Count,
        };
    }

    private static async Task AddFaultAsync(HttpClient admin, object fault)
    {
        using var response = await admin.PostAsync("_emulator/faults", new StringContent(JsonSerializer.Serialize(fault, Json), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<IReadOnlyList<CreatedTask>> TasksAsync(HttpClient admin) =>
        await admin.GetFromJsonAsync<List<CreatedTask>>("_emulator/tasks", Json) ?? [];

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
}

public sealed record KillMoment(TimeSpan At, int Created, int Saved, int Partials);

public sealed record KillResumeReport
{
    public required KillResumeOptions Options { get; init; }
    public required KillMoment? Killed { get; init; }
    public required int? ResumeExitCode { get; init; }
    public required int PendingAtResume { get; init; }
    public required TimeSpan ResumeTime { get; init; }
    public required TimeSpan WallTime { get; init; }
    public required int ServerCreated { get; init; }
    public required int CreatedByResume { get; init; }
    public required int DuplicateCreates { get; init; }
    /// <summary>Tasks the server made that have no file.</summary>
    public required int Unsaved { get; init; }
    /// <summary>Files that belong to no task the server made.</summary>
    public required int Strays { get; init; }
    public required IReadOnlyList<string> InvalidFiles { get; init; }
    public required int Partials { get; init; }
    public required int SavedEntriesTwice { get; init; }
    public required int Files { get; init; }

    /// <summary>Killed mid-way, resumed, and every task the server made saved once as a whole MP4, nothing made twice.</summary>
    public bool Clean => Killed is { Saved: > 0 } k && k.Saved < ServerCreated && ResumeExitCode == 0 && ServerCreated == Options.Count
                         && CreatedByResume == 0 && DuplicateCreates == 0 && Unsaved == 0 && Strays == 0 && InvalidFiles.Count == 0 && Partials == 0;

    public void Print(TextWriter output)
    {
        output.WriteLine($"kill -9 and resume: {Options.Count} prompts, demo batch in a child process against a standalone emulator (render {Options.RenderSeconds} s)");
        output.WriteLine(Killed is { } k
            ? $"killed at                         {k.At.TotalSeconds:0.0} s: {k.Created} created, {k.Saved} saved, {k.Partials} *.partial on disk"
            : "killed at                         NOT KILLED: the batch ended first");
        output.WriteLine($"resume                            {PendingAtResume} pending task(s) from the journal; exit {ResumeExitCode?.ToString() ?? "none (hung)"} after {ResumeTime.TotalSeconds:0.0} s");
        output.WriteLine($"tasks created on the server       {ServerCreated} (by the resume: {CreatedByResume}; duplicate creates: {DuplicateCreates})");
        output.WriteLine($"saved exactly once                {ServerCreated - Unsaved} of {ServerCreated} ({Files} files, one per task id; unsaved {Unsaved}, strays {Strays}, journaled as saved twice {SavedEntriesTwice})");
        output.WriteLine($"corrupt or partial files          {InvalidFiles.Count + Partials} ({InvalidFiles.Count} refused by Mp4Reader, {Partials} *.partial left)");
        foreach (var bad in InvalidFiles.Take(10)) output.WriteLine($"    {bad}");
        output.WriteLine($"wall time                         {WallTime.TotalSeconds:0.0} s");
        output.WriteLine(Clean ? "RESULT: clean" : "RESULT: NOT CLEAN");
    }
}
