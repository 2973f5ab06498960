using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Veo.Core.Media;
using Veo.Core.Tasks;
using Veo.Emulator;

namespace Veo.Soak;

/// <summary>The server's books against the journal and the disk, after a soak.</summary>
public sealed record SoakReport
{
    public required SoakOptions Options { get; init; }
    public required TimeSpan WallTime { get; init; }
    public required bool Hung { get; init; }
    public required int Requests { get; init; }
    public required IReadOnlyDictionary<FaultKind, int> Injected { get; init; }

    public required int ServerCreated { get; init; }
    public required int JournaledCreated { get; init; }
    public required int AmbiguousEntries { get; init; }
    /// <summary>Ambiguous creates behind which the server did make a task (the rest made none).</summary>
    public required int AmbiguousThatCreated { get; init; }
    /// <summary>Create requests the server received, not counting those it refused with 429.</summary>
    public required int CreateRequests { get; init; }
    /// <summary>Ambiguous prompts whose create reached the server more than once (429s aside).</summary>
    public required int AmbiguousRetried { get; init; }
    public required IReadOnlyList<string> LostTasks { get; init; }
    public required int DuplicateCreates { get; init; }
    public required IReadOnlyList<string> RefusedCreates { get; init; }

    public required int Saved { get; init; }
    public required int FilesOnDisk { get; init; }
    public required IReadOnlyList<string> CorruptFiles { get; init; }
    public required int NotAsServed { get; init; }
    public required IReadOnlyList<string> PartialFiles { get; init; }
    /// <summary>Tasks with more than one "saved" journal entry.</summary>
    public required int SavedTwice { get; init; }

    public required int ServerFailed { get; init; }
    public required int FailedBehindAmbiguous { get; init; }
    public required int FailedReported { get; init; }
    public required IReadOnlyList<string> WaitErrors { get; init; }
    public required IReadOnlyList<string> SaveErrors { get; init; }
    /// <summary>Journaled tasks that ended neither saved, nor reported failed, nor reported as an error.</summary>
    public required int WithoutOutcome { get; init; }

    public int Lost => LostTasks.Count;

    /// <summary>No paid task lost, no duplicate bill, no corrupt file, no hang, and every task accounted for.</summary>
    public bool Clean => !Hung && Lost == 0 && DuplicateCreates == 0 && AmbiguousRetried == 0 && CreateRequests + RefusedCreates.Count == Options.Count
                         && CorruptFiles.Count == 0 && PartialFiles.Count == 0 && NotAsServed == 0 && SavedTwice == 0 && WithoutOutcome == 0;

    private static readonly Regex PromptToken = new(@"Soak task \d{5}:", RegexOptions.Compiled);

    internal static SoakReport Audit(SoakOptions options, EmulatorServer emulator, TaskJournal journal, string videos, string folder,
        FaultSoak.Run run, TimeSpan wallTime, bool hung)
    {
        var server = emulator.CreatedTasks;
        var entries = journal.ReadAll();
        var journaledIds = entries.Where(e => e.Event == JournalEntry.Created).Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var ambiguousPrompts = entries.Where(e => e.Event == JournalEntry.AmbiguousCreate).Select(e => e.Prompt!).ToHashSet(StringComparer.Ordinal);
        var accounted = server.Where(t => journaledIds.Contains(t.Id) || ambiguousPrompts.Contains(t.Prompt)).ToList();

        // Refusals that prove nothing was made are sent again by design: 429 and 503 everywhere, and a gateway's own
        // 500/504 envelopes (the soak's ServerError faults; its 502 is a proxy's page, uncertain, never sent again). Google's
        // own 500/504 may have made the task, so it is a create like any other (CreateRefusals).
        static bool SentAgain(RecordedRequest r) => r.StatusCode is 429 or 503
            || r.StatusCode is 500 or 504 && !r.Path.Contains("/interactions") && !r.Path.Contains(":predictLongRunning");
        var creates = emulator.Requests.Where(r => r.Method == "POST" && !SentAgain(r)).ToList();
        var createsPerPrompt = creates
            .Select(r => PromptToken.Match(string.Join(" ", r.Fields.Select(f => f.Value)) + " " + r.JsonBody))
            .Where(m => m.Success)
            .GroupBy(m => m.Value)
            .ToDictionary(g => g.Key, g => g.Count());

        var files = Directory.EnumerateFiles(videos, "*.mp4").ToList();
        var served = ServedFixtures();
        var corrupt = new List<string>();
        var notAsServed = 0;
        foreach (var file in files)
        {
            try
            {
                Mp4Reader.ReadFile(file);
            }
            catch (InvalidVideoException e)
            {
                corrupt.Add($"{Path.GetFileName(file)}: {e.Message}");
            }
            if (served.Count > 0 && !served.Contains(Sha256(file))) notAsServed++;
        }

        var failedOnServer = server.Where(t => t.WillFail).ToList();
        return new SoakReport
        {
            Options = options,
            WallTime = wallTime,
            Hung = hung,
            Requests = emulator.Requests.Count,
            Injected = emulator.Faults.Injected,
            ServerCreated = server.Count,
            JournaledCreated = journaledIds.Count,
            AmbiguousEntries = entries.Count(e => e.Event == JournalEntry.AmbiguousCreate),
            AmbiguousThatCreated = server.Count(t => !journaledIds.Contains(t.Id) && ambiguousPrompts.Contains(t.Prompt)),
            CreateRequests = creates.Count,
            AmbiguousRetried = ambiguousPrompts.Count(p => createsPerPrompt.GetValueOrDefault(PromptToken.Match(p).Value) > 1),
            LostTasks = server.Except(accounted).Select(t => $"{t.Id} ({t.Api}): {t.Prompt}").ToList(),
            DuplicateCreates = server.GroupBy(t => t.Prompt).Sum(g => g.Count() - 1),
            RefusedCreates = run.RefusedCreates,
            Saved = run.Saved,
            FilesOnDisk = files.Count,
            CorruptFiles = corrupt,
            NotAsServed = notAsServed,
            PartialFiles = Directory.EnumerateFiles(folder, "*.partial", SearchOption.AllDirectories).ToList(),
            SavedTwice = entries.Where(e => e.Event == JournalEntry.Saved).GroupBy(e => e.Id).Count(g => g.Count() > 1),
            ServerFailed = failedOnServer.Count,
            FailedBehindAmbiguous = failedOnServer.Count(t => !journaledIds.Contains(t.Id)),
            FailedReported = run.FailedReported,
            WaitErrors = run.WaitErrors,
            SaveErrors = run.SaveErrors,
            WithoutOutcome = journaledIds.Count - run.Saved - run.FailedReported - run.WaitErrors.Count - run.SaveErrors.Count,
        };
    }

    /// <summary>
    /// What the emulator serves, by hash: each fixture made as long as a video can be asked (4, 6 or 8 seconds); empty
    /// when the fixtures are not next to this assembly.
    /// </summary>
    private static HashSet<string> ServedFixtures()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*.mp4")
            .SelectMany(path => new[] { 4, 6, 8 }.Select(seconds => Convert.ToHexString(SHA256.HashData(Veo.Emulator.RenderedVideo.Render(File.ReadAllBytes(path), seconds)))))
            .ToHashSet();
    }

    private static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(file));
    }

    public void Print(TextWriter output)
    {
        var routes = string.Join(", ", Options.Routes.Select(r => r.Name));
        output.WriteLine($"Fault soak: {Options.Count} prompts, New | Wait | Save through the engine, round robin over {routes}; seed {Options.Seed}");
        output.WriteLine($"  faults: {Options.RequestFaultRate:P0} of requests, every kind equally; {Options.TaskFaultRate:P0} of tasks failed or lagging");
        output.WriteLine($"  injected: {string.Join(", ", Injected.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))} ({Injected.Values.Sum()} faults in {Requests} requests)");
        output.WriteLine($"tasks created on the server       {ServerCreated}");
        output.WriteLine($"  journaled as created            {JournaledCreated}");
        output.WriteLine($"  ambiguous-create entries        {AmbiguousEntries} ({AmbiguousThatCreated} had made a task, {AmbiguousEntries - AmbiguousThatCreated} had not); retried: {AmbiguousRetried}");
        output.WriteLine($"tasks lost                        {Lost}");
        foreach (var lost in LostTasks.Take(10)) output.WriteLine($"    {lost}");
        output.WriteLine($"duplicate creates                 {DuplicateCreates} (create requests the server received, refusals sent again aside: {CreateRequests} for {Options.Count} prompts)");
        output.WriteLine($"creates refused (errors)          {RefusedCreates.Count}{Grouped(RefusedCreates)}");
        output.WriteLine($"videos saved                      {Saved} ({FilesOnDisk} files; {FilesOnDisk - NotAsServed} byte-identical to what the server served)");
        output.WriteLine($"corrupt or partial files          {CorruptFiles.Count + PartialFiles.Count} ({CorruptFiles.Count} refused by Mp4Reader, {PartialFiles.Count} *.partial left)");
        foreach (var bad in CorruptFiles.Concat(PartialFiles).Take(10)) output.WriteLine($"    {bad}");
        output.WriteLine($"failed tasks reported as errors   {FailedReported} (the server failed {ServerFailed}; {FailedBehindAmbiguous} of them behind ambiguous creates, never waited for)");
        output.WriteLine($"other errors                      wait {WaitErrors.Count}, save {SaveErrors.Count}; tasks without an outcome {WithoutOutcome}; saved twice {SavedTwice}");
        foreach (var error in WaitErrors.Concat(SaveErrors).Take(10)) output.WriteLine($"    {error}");
        output.WriteLine($"wall time                         {WallTime.TotalSeconds:0.0} s{(Hung ? $" (HUNG: stopped at the {Options.Deadline.TotalMinutes:0} min deadline)" : "")}");
        output.WriteLine(Clean ? "RESULT: clean" : "RESULT: NOT CLEAN");
    }

    private static string Grouped(IReadOnlyList<string> items) =>
        items.Count == 0 ? "" : " (" + string.Join(", ", items.GroupBy(i => i).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}: {g.Count()}")) + ")";
}
