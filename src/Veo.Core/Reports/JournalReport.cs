using Veo.Core.Tasks;

namespace Veo.Core.Reports;

/// <summary>The report of what the journal remembers: its tasks (by batch and age) and the creates whose outcome is unknown.</summary>
public static class JournalReport
{
    /// <param name="batch">Only this -Batch (case-insensitive); null for every task.</param>
    /// <param name="since">Only tasks created (or creates sent) at or after it; null for all.</param>
    public static IReadOnlyList<ReportEntry> Entries(TaskJournal journal, string? batch, DateTimeOffset? since)
    {
        bool Wanted(string? taskBatch, DateTimeOffset? at) =>
            (batch is null || string.Equals(taskBatch, batch, StringComparison.OrdinalIgnoreCase)) && (since is null || at >= since);

        var tasks = journal.Tasks().Where(t => Wanted(t.Task.Batch, t.Task.CreatedAt)).Select(t => ReportEntry.Of(t.Task, t.SavedPath));
        var uncertain = journal.UncertainCreates().Where(e => Wanted(e.Batch, e.At)).Select(ReportEntry.Of);
        return tasks.Concat(uncertain).ToList();
    }
}
