using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Tasks;

/// <summary>The journal is read once, then only what was appended: resumes and Tab completion stay fast as it grows.</summary>
public sealed class JournalReadTests : IDisposable
{
    private readonly TestHome _home = new();

    private static JournalEntry Created(string id) =>
        new() { At = DateTimeOffset.UtcNow, Event = JournalEntry.Created, Id = id, Route = "LaoZhang", Status = VideoTaskStatus.Queued, Prompt = "p " + id };

    [Fact]
    public void A_read_after_an_append_parses_only_the_new_line()
    {
        for (var i = 0; i < 2000; i++) _home.Journal.Append(Created($"task_{i}"));
        Assert.Equal(2000, _home.Journal.Tasks().Count);
        var before = _home.Journal.BytesParsed;

        _home.Journal.Append(Created("task_new"));
        var tasks = _home.Journal.Tasks();

        Assert.Equal(2001, tasks.Count);
        Assert.Equal("task_new", tasks[^1].Task.Id);
        Assert.InRange(_home.Journal.BytesParsed - before, 1, 1000);
    }

    [Fact]
    public void Another_process_appending_is_seen_and_its_status_folded_in()
    {
        _home.Journal.Append(Created("task_1"));
        Assert.Equal(VideoTaskStatus.Queued, Assert.Single(_home.Journal.Tasks()).Task.Status);

        new TaskJournal(_home.Journal.Path).Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.StatusChanged, Id = "task_1", Status = VideoTaskStatus.Completed });

        Assert.Equal(VideoTaskStatus.Completed, Assert.Single(_home.Journal.Tasks()).Task.Status);
    }

    [Fact]
    public void A_line_still_being_written_is_read_once_it_is_whole()
    {
        _home.Journal.Append(Created("task_1"));
        File.AppendAllText(_home.Journal.Path, "{\"at\":\"2026-12-01T00:00:00Z\",\"event\":\"created\",\"id\":\"task_2\"");
        Assert.Single(_home.Journal.Tasks());

        File.AppendAllText(_home.Journal.Path, "}\n");

        Assert.Equal(2, _home.Journal.Tasks().Count);
    }

    [Fact]
    public void A_journal_rewritten_shorter_is_read_again_from_the_start()
    {
        for (var i = 0; i < 5; i++) _home.Journal.Append(Created($"task_{i}"));
        Assert.Equal(5, _home.Journal.Tasks().Count);

        File.WriteAllLines(_home.Journal.Path, File.ReadAllLines(_home.Journal.Path).Take(2));

        Assert.Equal(2, _home.Journal.Tasks().Count);
    }

    public void Dispose() => _home.Dispose();
}
