using System.Text;
using System.Text.Json;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests;

/// <summary>
/// Tab on -Id with a long history: it offers the unfinished tasks and the newest finished ones, newest first, a page of
/// them rather than thousands, and reads only the live journal (the first read moves old finished tasks to the archive).
/// </summary>
public sealed class TaskIdCompletionTests : IDisposable
{
    private const int OldTasks = 5000;
    private readonly TestHome _home = new();
    private readonly IsolatedEnvironment _environment;
    private readonly VeoShell _shell;

    public TaskIdCompletionTests()
    {
        _environment = new IsolatedEnvironment(_home.Folder);
        WriteHistory();
        _shell = new VeoShell(_home.Folder);
    }

    /// <summary>
    /// Two tasks still rendering from long ago, then <see cref="OldTasks"/> saved ones, as the journal writes them: a
    /// journal of 3 MB, past the mark where a compaction is tried.
    /// </summary>
    private void WriteHistory()
    {
        var lines = new StringBuilder();
        void Line(JournalEntry e) => lines.Append(JsonSerializer.Serialize(e, JournalJsonContext.Default.JournalEntry)).Append('\n');
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var n = 0; n < OldTasks + 2; n++)
        {
            var id = n < 2 ? $"task_rendering{n}" : $"task_old{n:00000}";
            var at = start.AddMinutes(n);
            Line(new JournalEntry { At = at, Event = JournalEntry.CreateSent, Attempt = $"a{n}", Route = "LaoZhang", Prompt = $"p {n}", Cost = 0.30m });
            Line(new JournalEntry { At = at, Event = JournalEntry.Created, Id = id, Attempt = $"a{n}", Route = "LaoZhang", Status = VideoTaskStatus.InProgress, Prompt = $"p {n}", Cost = 0.30m });
            if (n < 2) continue;
            Line(new JournalEntry { At = at, Event = JournalEntry.StatusChanged, Id = id, Status = VideoTaskStatus.Completed, Progress = 100 });
            Line(new JournalEntry { At = at, Event = JournalEntry.Saved, Id = id, Path = $"/videos/{id}.mp4" });
        }
        File.WriteAllText(_home.Journal.Path, lines.ToString());
        Assert.True(new FileInfo(_home.Journal.Path).Length > TaskJournal.CompactAbove);
    }

    private IReadOnlyList<string> Complete(string line) =>
        _shell.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText", ("line", line))
            .Output.Select(o => o.ToString()).ToList();

    [Fact]
    public void Tab_offers_the_unfinished_and_the_newest_finished_tasks_newest_first()
    {
        var offered = Complete("Wait-VeoVideo -Id ");

        Assert.Equal(Completion.TaskIdCompleter.MaxResults, offered.Count);
        Assert.Equal($"task_old{OldTasks + 1:00000}", offered[0]);
        Assert.Equal(offered.OrderByDescending(id => id, StringComparer.Ordinal), offered);
        Assert.Equal(new[] { "task_rendering1", "task_rendering0" }, Complete("Save-VeoVideo -Id task_r"));
        // The finished tasks the Tab no longer reads are still there for Get-VeoVideo.
        Assert.True(File.Exists(_home.Journal.ArchivePath));
        Assert.True(new FileInfo(_home.Journal.Path).Length < TaskJournal.CompactAbove / 10);
        Assert.Equal(OldTasks + 2, _shell.Run("@(Get-VeoVideo).Count").Output.Single().BaseObject);
    }

    [Fact]
    public void A_second_Tab_reads_only_what_was_appended()
    {
        Complete("Wait-VeoVideo -Id ");
        var parsed = File.ReadAllBytes(_home.Journal.Path).Length;
        File.AppendAllText(_home.Journal.Path,
            JsonSerializer.Serialize(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.Created, Id = "task_new", Attempt = "new", Route = "LaoZhang" },
                JournalJsonContext.Default.JournalEntry) + "\n");

        var offered = Complete("Wait-VeoVideo -Id task_n");

        Assert.Equal("task_new", Assert.Single(offered));
        Assert.True(parsed < 200_000, $"the live journal after compaction is {parsed} bytes");
    }

    public void Dispose()
    {
        _shell.Dispose();
        _environment.Dispose();
        _home.Dispose();
    }
}
