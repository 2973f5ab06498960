namespace Veo.Core.Tasks;

/// <summary>Tasks read back from the journal, by id, state and age.</summary>
public sealed record TaskQuery
{
    public IReadOnlyList<string>? Ids { get; init; }
    public TaskState State { get; init; } = TaskState.Any;
    public DateTimeOffset? Since { get; init; }
    public string? Route { get; init; }

    /// <summary>
    /// Unfinished tasks are all in the live journal (a compaction moves only saved and failed ones), so a query for them
    /// (the resume idiom, Get-VeoVideo -State Pending) never reads the archive.
    /// </summary>
    public IEnumerable<JournalTask> Run(TaskJournal journal) =>
        (State is TaskState.Pending or TaskState.Queued or TaskState.InProgress ? journal.RecentTasks() : journal.Tasks()).Where(Matches);

    public bool Matches(JournalTask entry)
    {
        var task = entry.Task;
        if (Ids is { Count: > 0 } ids && !ids.Contains(task.Id, StringComparer.Ordinal)) return false;
        if (Route is not null && !string.Equals(task.Route, Route, StringComparison.OrdinalIgnoreCase)) return false;
        if (Since is { } since && (task.CreatedAt ?? DateTimeOffset.MinValue) < since) return false;
        return State switch
        {
            TaskState.Pending => task.Status != VideoTaskStatus.Failed && entry.SavedPath is null,
            TaskState.Queued => task.Status == VideoTaskStatus.Queued,
            TaskState.InProgress => task.Status == VideoTaskStatus.InProgress,
            TaskState.Completed => task.Status == VideoTaskStatus.Completed,
            TaskState.Failed => task.Status == VideoTaskStatus.Failed,
            TaskState.Saved => entry.SavedPath is not null,
            _ => true,
        };
    }
}
