using System.Text.Json;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Tasks;

/// <summary>
/// A compaction moves finished tasks to the archive and drops only status and saved lines a later line overrides:
/// every line about money survives, every task reads as it did, and no writer's line is lost.
/// </summary>
public sealed class JournalCompactionTests : IDisposable
{
    private readonly TestHome _home = new();
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public void Dispose() => _home.Dispose();

    private static string[] MoneyEvents => new[]
    {
        JournalEntry.CreateSent, JournalEntry.Created, JournalEntry.AmbiguousCreate, JournalEntry.CreateRefused, JournalEntry.CreateChecked,
    };

    /// <summary>One task's life as Veo journals it: sent, created, polled twice, saved.</summary>
    private static void Finished(TaskJournal journal, int n, bool saved = true, bool failed = false) => Finished(journal.Append, n, saved, failed);

    /// <summary>
    /// Many tasks' lives written as the journal writes them, in one go: Append forces each create to the disk, which
    /// makes thousands of tasks take half a minute, and what is tested here is what a compaction does with the lines.
    /// </summary>
    private void Prefill(int count, Func<int, bool>? saved = null, Func<int, bool>? failed = null)
    {
        var lines = new System.Text.StringBuilder();
        for (var n = 0; n < count; n++)
            Finished(e => lines.Append(JsonSerializer.Serialize(e, JournalJsonContext.Default.JournalEntry)).Append('\n'), n, saved?.Invoke(n) ?? true, failed?.Invoke(n) ?? false);
        File.AppendAllText(_home.Journal.Path, lines.ToString());
    }

    private static void Finished(Action<JournalEntry> journal, int n, bool saved, bool failed)
    {
        var id = $"task_{n}";
        var attempt = $"attempt_{n}";
        var at = T0.AddMinutes(n);
        journal(new JournalEntry { At = at, Event = JournalEntry.CreateSent, Attempt = attempt, Route = "LaoZhang", Prompt = $"p {n}", Cost = 0.30m });
        journal(new JournalEntry
        {
            At = at, Event = JournalEntry.Created, Id = id, Attempt = attempt, Route = "LaoZhang", BaseUri = new Uri("http://127.0.0.1:1/"),
            Model = "veo-3.1-fast-generate-preview", Status = VideoTaskStatus.Queued, Progress = 0, Prompt = $"p {n}", Cost = 0.30m,
        });
        journal(new JournalEntry { At = at.AddSeconds(10), Event = JournalEntry.StatusChanged, Id = id, Status = VideoTaskStatus.InProgress, Progress = 40 });
        if (failed)
        {
            journal(new JournalEntry { At = at.AddSeconds(20), Event = JournalEntry.StatusChanged, Id = id, Status = VideoTaskStatus.Failed, Progress = 40, Error = "policy" });
            return;
        }
        journal(new JournalEntry { At = at.AddSeconds(20), Event = JournalEntry.StatusChanged, Id = id, Status = VideoTaskStatus.Completed, Progress = 100 });
        if (saved) journal(new JournalEntry { At = at.AddSeconds(30), Event = JournalEntry.Saved, Id = id, Path = $"/videos/{id}.mp4" });
    }

    /// <summary>Every task as Get-VeoVideo would show it, in a form that compares by value.</summary>
    private static Dictionary<string, string> Shown(TaskJournal journal) =>
        journal.Tasks().ToDictionary(t => t.Task.Id, t => JsonSerializer.Serialize(t));

    private static List<string> MoneyLines(TaskJournal journal) =>
        journal.ReadAll().Where(e => MoneyEvents.Contains(e.Event)).Select(e => $"{e.Event} {e.Attempt} {e.Id}").OrderBy(l => l, StringComparer.Ordinal).ToList();

    [Fact]
    public void No_line_about_money_is_dropped_and_every_task_reads_as_before()
    {
        Prefill(TaskJournal.KeepSettled + 50, failed: n => n % 7 == 0);
        // Money whose outcome was settled without a task, and money whose outcome is unknown.
        _home.Journal.Append(new JournalEntry { At = T0, Event = JournalEntry.CreateSent, Attempt = "refused", Prompt = "refused" });
        _home.Journal.Append(new JournalEntry { At = T0, Event = JournalEntry.CreateRefused, Attempt = "refused", Error = "400" });
        _home.Journal.Append(new JournalEntry { At = T0, Event = JournalEntry.CreateSent, Attempt = "lost", Prompt = "lost" });
        _home.Journal.Append(new JournalEntry { At = T0, Event = JournalEntry.AmbiguousCreate, Attempt = "lost", Prompt = "lost" });
        _home.Journal.Append(new JournalEntry { At = T0, Event = JournalEntry.CreateSent, Attempt = "checked", Prompt = "checked" });
        _home.Journal.Append(new JournalEntry { At = T0, Event = JournalEntry.AmbiguousCreate, Attempt = "checked", Prompt = "checked" });
        _home.Journal.Append(new JournalEntry { At = T0, Event = JournalEntry.CreateChecked, Attempt = "checked" });
        _home.Journal.Append(new JournalEntry { At = T0, Event = JournalEntry.CreateSent, Attempt = "killed", Prompt = "killed mid-request" });
        var shownBefore = Shown(_home.Journal);
        var moneyBefore = MoneyLines(_home.Journal);
        var uncertainBefore = _home.Journal.UncertainCreates().Select(e => (e.Event, e.Attempt)).ToList();

        var plan = _home.Journal.Compact();

        Assert.NotNull(plan);
        // The 50 oldest tasks' sent and created lines, the refused attempt's two and the checked one's three.
        Assert.Equal(50 * 2 + 2 + 3, plan!.Archived.Count(l => MoneyEvents.Contains(l.Entry?.Event)));
        var fresh = new TaskJournal(_home.Journal.Path);
        Assert.Equal(moneyBefore, MoneyLines(fresh));
        Assert.Equal(shownBefore, Shown(fresh));
        Assert.Equal(uncertainBefore, fresh.UncertainCreates().Select(e => (e.Event, e.Attempt)).ToList());
        // Only the status lines a later one overrides are gone: one per task.
        Assert.Equal(TaskJournal.KeepSettled + 50, plan.Dropped);
    }

    [Fact]
    public void Unfinished_tasks_and_unknown_outcomes_stay_in_the_live_journal_with_the_newest_finished_ones()
    {
        Prefill(300, saved: n => n % 100 != 5);
        _home.Journal.Append(new JournalEntry { At = T0, Event = JournalEntry.CreateSent, Attempt = "lost", Prompt = "lost" });
        _home.Journal.Append(new JournalEntry { At = T0, Event = JournalEntry.AmbiguousCreate, Attempt = "lost", Prompt = "lost" });

        _home.Journal.Compact();

        var live = new TaskJournal(_home.Journal.Path).RecentTasks().Select(t => t.Task.Id).ToList();
        var unsaved = new[] { "task_5", "task_105", "task_205" };
        Assert.All(unsaved, id => Assert.Contains(id, live));
        Assert.Equal(Enumerable.Range(300 - TaskJournal.KeepSettled - 1, TaskJournal.KeepSettled + 1).Select(n => $"task_{n}").Except(unsaved),
            live.Except(unsaved).OrderBy(id => int.Parse(id[5..])));
        var lines = File.ReadAllLines(_home.Journal.Path);
        Assert.Contains(lines, l => l.Contains("\"ambiguous-create\"") && l.Contains("\"lost\""));
        Assert.Contains(lines, l => l.Contains("\"create-sent\"") && l.Contains("\"attempt_5\""));
        Assert.DoesNotContain(lines, l => l.Contains("\"attempt_6\""));
    }

    [Fact]
    public void The_latest_status_and_the_completion_time_are_kept()
    {
        Finished(_home.Journal, 1, saved: false);
        // Seen completed, then (a gateway that changed its mind) in progress again: the fold shows both facts.
        _home.Journal.Append(new JournalEntry { At = T0.AddHours(1), Event = JournalEntry.StatusChanged, Id = "task_1", Status = VideoTaskStatus.InProgress, Progress = 90 });
        var before = Assert.Single(_home.Journal.Tasks()).Task;

        _home.Journal.Compact();

        var after = Assert.Single(new TaskJournal(_home.Journal.Path).Tasks()).Task;
        Assert.Equal((VideoTaskStatus.InProgress, 90, before.CompletedAt), (after.Status, after.Progress, after.CompletedAt));
        Assert.Equal(T0.AddMinutes(1).AddSeconds(20), after.CompletedAt);
        Assert.Equal(2, File.ReadAllLines(_home.Journal.Path).Count(l => l.Contains("\"event\":\"status\"")));
    }

    [Fact]
    public void A_task_found_by_id_after_its_lines_moved_keeps_its_route_and_prompt()
    {
        Prefill(TaskJournal.KeepSettled + 10);
        _home.Journal.Compact();
        // Saved again later: the live journal has only that line, the archive the rest.
        _home.Journal.Append(new JournalEntry { At = T0.AddDays(1), Event = JournalEntry.Saved, Id = "task_0", Path = "/elsewhere/task_0.mp4" });

        var found = new TaskJournal(_home.Journal.Path).Find("task_0");

        Assert.Equal(("LaoZhang", "p 0", "/elsewhere/task_0.mp4"), (found!.Task.Route, found.Task.Prompt, found.SavedPath));
    }

    [Fact]
    public async Task Writers_appending_while_the_journal_is_compacted_lose_no_line()
    {
        Prefill(TaskJournal.KeepSettled * 3);
        var writers = Enumerable.Range(1, 4).Select(w => Task.Run(() =>
        {
            // Each writer is its own journal instance, as another process would be: its own file handle and lock. Its
            // tasks finish too, so each compaction has lines to move while the writers go on.
            var journal = new TaskJournal(_home.Journal.Path);
            for (var i = 0; i < 50; i++) Finished(journal, w * 10_000 + i);
        })).ToArray();
        var compactions = 0;
        while (!writers.All(w => w.IsCompleted))
        {
            if (new TaskJournal(_home.Journal.Path).Compact() is not null) compactions++;
        }
        await Task.WhenAll(writers);

        var ids = new TaskJournal(_home.Journal.Path).Tasks().Select(t => t.Task.Id).ToHashSet();
        Assert.True(compactions >= 1);
        Assert.All(Enumerable.Range(1, 4).SelectMany(w => Enumerable.Range(0, 50).Select(i => $"task_{w * 10_000 + i}")), id => Assert.Contains(id, ids));
        Assert.Equal(TaskJournal.KeepSettled * 3 + 200, ids.Count);
        Assert.Equal(TaskJournal.KeepSettled * 3 + 200, new TaskJournal(_home.Journal.Path).ReadAll().Count(e => e.Event == JournalEntry.CreateSent));
    }

    [Fact]
    public void A_reader_holding_the_journal_before_a_compaction_in_another_process_reads_it_again()
    {
        Prefill(TaskJournal.KeepSettled + 20);
        Assert.Equal(TaskJournal.KeepSettled + 20, _home.Journal.RecentTasks().Count);

        new TaskJournal(_home.Journal.Path).Compact();
        _home.Journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.Created, Id = "task_after", Attempt = "after" });

        Assert.Equal(TaskJournal.KeepSettled + 1, _home.Journal.RecentTasks().Count);
        Assert.Equal(TaskJournal.KeepSettled + 21, _home.Journal.Tasks().Count);
    }

    [Fact]
    public void A_compaction_cut_short_after_staging_is_finished_by_the_next_reader()
    {
        Prefill(TaskJournal.KeepSettled + 20);
        var shownBefore = Shown(_home.Journal);
        var copy = _home.PathOf("copy.jsonl");
        File.Copy(_home.Journal.Path, copy);
        _home.Journal.Compact();
        // As if the process died after staging the new content and before rewriting the live file: the old content is back.
        File.Copy(_home.Journal.Path, _home.Journal.Path + ".compacting");
        File.Copy(copy, _home.Journal.Path, overwrite: true);

        var fresh = new TaskJournal(_home.Journal.Path);

        Assert.Equal(shownBefore, Shown(fresh));
        Assert.False(File.Exists(_home.Journal.Path + ".compacting"));
        Assert.Equal(TaskJournal.KeepSettled, fresh.RecentTasks().Count);
    }

    [Fact]
    public void A_journal_past_the_mark_is_compacted_by_the_save_that_crosses_it()
    {
        // Unsaved tasks up to nine tenths of the mark, then their saved lines through Append, as Save-VeoVideo writes them.
        var n = 3200;
        Prefill(n, saved: _ => false);
        Assert.InRange(new FileInfo(_home.Journal.Path).Length, TaskJournal.CompactAbove * 8 / 10, TaskJournal.CompactAbove - 1);
        for (var i = 0; i < n; i++) _home.Journal.Append(new JournalEntry { At = T0, Event = JournalEntry.Saved, Id = $"task_{i}", Path = $"/v/{i}.mp4" });

        Assert.True(File.Exists(_home.Journal.ArchivePath));
        Assert.True(new FileInfo(_home.Journal.Path).Length < TaskJournal.CompactAbove);
        Assert.Equal(n, new TaskJournal(_home.Journal.Path).Tasks().Count(t => t.SavedPath is not null));
    }
}
