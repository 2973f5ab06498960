using Veo.Core.Requests;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Tasks;

public class TaskJournalTests : IDisposable
{
    private readonly TestHome _home = new();

    public void Dispose() => _home.Dispose();

    private static JournalEntry Created(string id) => new()
    {
        At = DateTimeOffset.UtcNow, Event = JournalEntry.Created, Id = id, Route = "LaoZhang", Model = "veo-3.1-fast-generate-preview",
        Status = VideoTaskStatus.Queued, Prompt = "p " + id, Cost = 0.30m,
    };

    [Theory]
    [InlineData(JournalEntry.Created, true)]
    [InlineData(JournalEntry.AmbiguousCreate, true)]
    [InlineData(JournalEntry.StatusChanged, false)]
    [InlineData(JournalEntry.Saved, false)]
    public void Only_lines_that_record_money_spent_are_forced_to_disk(string kind, bool forced) =>
        Assert.Equal(forced, TaskJournal.MustReachDisk(new JournalEntry { Event = kind }));

    [Fact]
    public void An_extension_s_source_is_read_back_so_a_later_session_can_extend_it_again()
    {
        var source = new ExtensionSource
        {
            TaskId = "models/m/operations/a", Route = "Google", Model = "veo-3.1-fast-generate-preview", VideoUri = "https://h/v1beta/files/a:download?alt=media",
            Seconds = 15, AspectRatio = "9:16", Resolution = "720p", Extensions = 1, CompletedAt = DateTimeOffset.Parse("2026-12-01T10:00:00Z"),
        };
        _home.Journal.Append(Created("op_b") with { Request = new VideoRequest { Prompt = "p", DurationSeconds = 7, Extend = source } });

        var request = Assert.Single(_home.Journal.Tasks()).Task.Request!;
        Assert.Equal(source, request.Extend);
        Assert.Equal((GenerationMode.Extension, 22), (request.Mode, request.OutputSeconds));
    }

    [Fact]
    public void Many_writers_at_once_lose_no_line()
    {
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => _home.Journal.Append(Created("task_" + i)));
        Assert.Equal(400, _home.Journal.ReadAll().Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void A_line_torn_by_a_crash_is_skipped_and_the_rest_is_read()
    {
        _home.Journal.Append(Created("task_a"));
        File.AppendAllText(_home.Journal.Path, "{\"at\":\"2026-11-21T10:00:00Z\",\"event\":\"crea");
        File.AppendAllText(_home.Journal.Path, "\n");
        _home.Journal.Append(Created("task_b"));

        Assert.Equal(new[] { "task_a", "task_b" }, _home.Journal.ReadAll().Select(e => e.Id));
    }

    [Fact]
    public void Tasks_fold_each_tasks_entries_into_its_latest_state()
    {
        _home.Journal.Append(Created("task_a"));
        _home.Journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.StatusChanged, Id = "task_a", Status = VideoTaskStatus.Completed, Progress = 100 });
        _home.Journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.Saved, Id = "task_a", Path = "/videos/a.mp4" });
        _home.Journal.Append(Created("task_b"));

        var tasks = _home.Journal.Tasks();
        Assert.Equal(("task_a", VideoTaskStatus.Completed, "/videos/a.mp4", "LaoZhang", 0.30m),
            (tasks[0].Task.Id, tasks[0].Task.Status, tasks[0].SavedPath, tasks[0].Task.Route, tasks[0].Task.EstimatedCost));
        Assert.Equal(("task_b", VideoTaskStatus.Queued, (string?)null), (tasks[1].Task.Id, tasks[1].Task.Status, tasks[1].SavedPath));
    }

    [Fact]
    public void No_journal_yet_reads_as_empty() => Assert.Empty(new TaskJournal(_home.PathOf("none/journal.jsonl")).ReadAll());

    [Fact]
    public void VEO_HOME_chooses_the_folder()
    {
        var before = Environment.GetEnvironmentVariable("VEO_HOME");
        try
        {
            Environment.SetEnvironmentVariable("VEO_HOME", _home.Folder);
            Assert.Equal(Path.Combine(_home.Folder, "journal.jsonl"), TaskJournal.Default().Path);
        }
        finally
        {
            Environment.SetEnvironmentVariable("VEO_HOME", before);
        }
    }
}
