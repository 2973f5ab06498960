using Veo.Core.Tasks;

namespace Veo.Core.Batches;

/// <summary>
/// What the journal knows of one -Batch, row by row: the task a row made, or the creates of it whose outcome is unknown.
/// Read once when New-VeoVideo -Batch starts; the rows of one input never share an identity (identical rows differ by
/// ordinal), so what this run creates never changes what a later row of it finds here.
/// </summary>
public sealed class BatchLedger
{
    private readonly Dictionary<(string Key, int Ordinal), List<Attempt>> _rows = new();
    private readonly TaskJournal _journal;

    private BatchLedger(TaskJournal journal) => _journal = journal;

    /// <summary>One create of a row: its create-sent line and what settled it, if anything did.</summary>
    private sealed class Attempt
    {
        public JournalEntry? Sent;
        public JournalEntry? Created;
        public bool Refused;
        public JournalEntry? Ambiguous;
        public bool? Made;
        public DateTimeOffset At;
    }

    /// <summary>The batch's rows as the whole journal (archive included) has them.</summary>
    public static BatchLedger Read(TaskJournal journal, string batch)
    {
        var ledger = new BatchLedger(journal);
        var attempts = new Dictionary<string, Attempt>(StringComparer.Ordinal);
        foreach (var e in journal.ReadAll())
        {
            if (!string.Equals(e.Batch, batch, StringComparison.Ordinal) || e.RowKey is null) continue;
            var id = e.Attempt ?? Guid.NewGuid().ToString("N");
            if (!attempts.TryGetValue(id, out var attempt))
            {
                attempts[id] = attempt = new Attempt { At = e.At };
                var row = (e.RowKey, e.RowOrdinal ?? 1);
                if (!ledger._rows.TryGetValue(row, out var list)) ledger._rows[row] = list = new List<Attempt>();
                list.Add(attempt);
            }
            switch (e.Event)
            {
                case JournalEntry.CreateSent: attempt.Sent = e; break;
                case JournalEntry.Created: attempt.Created = e; break;
                case JournalEntry.CreateRefused: attempt.Refused = true; break;
                case JournalEntry.AmbiguousCreate: attempt.Ambiguous = e; break;
                case JournalEntry.CreateChecked: attempt.Made = e.Made ?? attempt.Made; break;
            }
        }
        return ledger;
    }

    /// <summary>When the batch's oldest create of unknown outcome was sent (now when there is none): how far back a task list is read.</summary>
    public DateTimeOffset EarliestUncertain =>
        _rows.Values.SelectMany(a => a).Where(a => a.Created is null && !a.Refused && a.Made is null).Select(a => (DateTimeOffset?)a.At).Min() ?? DateTimeOffset.UtcNow;

    /// <summary>
    /// Where a row stands: the newest task it made that has not failed (a failed task's row is made again), else the
    /// creates of it that may have made a task nobody has an id for.
    /// </summary>
    public RowStanding For(string rowKey, int ordinal)
    {
        if (!_rows.TryGetValue((rowKey, ordinal), out var attempts)) return RowStanding.Open;
        VideoTask? task = null;
        foreach (var attempt in attempts.Where(a => a.Created?.Id is not null).OrderBy(a => a.At))
        {
            var known = _journal.Find(attempt.Created!.Id!)?.Task;
            if (known is not null && known.Status != VideoTaskStatus.Failed) task = known;
        }
        if (task is not null) return new RowStanding(task, Array.Empty<JournalEntry>());
        var uncertain = attempts
            .Where(a => a.Created is null && !a.Refused && a.Made is null && (a.Ambiguous ?? a.Sent) is not null)
            .Select(a => a.Ambiguous ?? a.Sent!)
            .ToList();
        return new RowStanding(null, uncertain);
    }

    /// <summary>
    /// Settles an uncertain create as having made <paramref name="task"/>: a created line for it with the create's row,
    /// request and cost (so the ledger counts it as spent and a rerun emits it), then a create-checked line.
    /// </summary>
    public static VideoTask Adopt(TaskJournal journal, JournalEntry uncertain, VideoTask task)
    {
        var now = DateTimeOffset.UtcNow;
        journal.Append(uncertain with
        {
            At = now, Event = JournalEntry.Created, Id = task.Id, Status = task.Status, Progress = task.Progress, Error = null, IdHint = null,
            Model = string.IsNullOrEmpty(task.Model) ? uncertain.Model : task.Model,
        });
        journal.Append(new JournalEntry { At = now, Event = JournalEntry.CreateChecked, Attempt = uncertain.Attempt, Id = task.Id, Made = true }.For(uncertain.RowIdentity()));
        return journal.Find(task.Id)?.Task ?? task;
    }

    /// <summary>Settles an uncertain create as having made nothing: the next run of its batch sends the row again.</summary>
    public static void NotCreated(TaskJournal journal, JournalEntry uncertain) =>
        journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.CreateChecked, Attempt = uncertain.Attempt, Made = false }
            .For(uncertain.RowIdentity()));
}

/// <summary>Where one row of a batch stands: its task, or the creates that may have made one, or neither (open: send it).</summary>
public sealed record RowStanding(VideoTask? Task, IReadOnlyList<JournalEntry> Uncertain)
{
    public static readonly RowStanding Open = new(null, Array.Empty<JournalEntry>());

    public bool IsOpen => Task is null && Uncertain.Count == 0;
}
