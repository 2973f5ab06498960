namespace Veo.Core.Tasks;

/// <summary>What a compaction does with each line of the live journal.</summary>
internal sealed class CompactionPlan
{
    public CompactionPlan(IReadOnlyList<JournalLine> kept, IReadOnlyList<JournalLine> archived, int dropped)
    {
        Kept = kept;
        Archived = archived;
        Dropped = dropped;
    }

    /// <summary>Lines that stay in the live journal, in their order.</summary>
    public IReadOnlyList<JournalLine> Kept { get; }
    /// <summary>Lines moved, verbatim and in their order, to the archive.</summary>
    public IReadOnlyList<JournalLine> Archived { get; }
    /// <summary>Lines no reader needs any more: status and saved lines a later line of the same task overrides.</summary>
    public int Dropped { get; }

    public bool ChangesAnything => Archived.Count > 0 || Dropped > 0;
}

/// <summary>
/// The rules of a journal compaction, over lines already read. Finished tasks (saved, or failed) move to the archive,
/// all but the newest <c>keepSettled</c> of them, so the live journal (what a resume, Tab completion and
/// Get-VeoVideo -State Pending read) holds what is still going on. Nothing about money is ever dropped: create-sent,
/// created, ambiguous-create, create-refused and create-checked lines are kept or moved, never removed, and a create
/// whose outcome is unknown stays in the live journal with every line of its attempt. The only lines dropped are a
/// task's status lines before its last (the last completed one is kept too, for CompletedAt) and its saved lines before
/// its last, so the archive and the live journal read together fold to exactly the tasks the journal held before.
/// </summary>
internal static class JournalCompaction
{
    public static CompactionPlan Plan(IReadOnlyList<JournalLine> lines, int keepSettled)
    {
        var tasks = new Dictionary<string, TaskLines>(StringComparer.Ordinal);
        var taskOfAttempt = new Dictionary<string, string>(StringComparer.Ordinal);
        var attemptEvents = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Entry is not { } e) continue;
            if (e.Attempt is not null)
            {
                if (!attemptEvents.TryGetValue(e.Attempt, out var events)) attemptEvents[e.Attempt] = events = new HashSet<string>(StringComparer.Ordinal);
                events.Add(e.Event);
                if (e.Id is not null) taskOfAttempt[e.Attempt] = e.Id;
            }
            if (e.Id is null) continue;
            if (!tasks.TryGetValue(e.Id, out var task)) tasks[e.Id] = task = new TaskLines(e.Id);
            task.Add(i, e);
        }

        var archivedTasks = new HashSet<string>(
            tasks.Values.Where(t => t.IsSettled).OrderByDescending(t => t.LastLine).Skip(Math.Max(0, keepSettled)).Select(t => t.Id),
            StringComparer.Ordinal);

        var kept = new List<JournalLine>();
        var archived = new List<JournalLine>();
        var dropped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            switch (Fate(i, line.Entry))
            {
                case LineFate.Keep: kept.Add(line); break;
                case LineFate.Archive: archived.Add(line); break;
                default: dropped++; break;
            }
        }
        return new CompactionPlan(kept, archived, dropped);

        LineFate Fate(int index, JournalEntry? e)
        {
            // A line that does not read (torn by a crash, or written by something else) is never thrown away.
            if (e is null) return LineFate.Archive;
            if (e.Event == JournalEntry.Compacted) return LineFate.Drop;
            if (e.Id is not null)
            {
                if (tasks[e.Id].IsOverridden(index, e)) return LineFate.Drop;
                return archivedTasks.Contains(e.Id) ? LineFate.Archive : LineFate.Keep;
            }
            if (e.Attempt is null) return LineFate.Keep;
            if (taskOfAttempt.TryGetValue(e.Attempt, out var id)) return archivedTasks.Contains(id) ? LineFate.Archive : LineFate.Keep;
            return IsSettledWithoutTask(attemptEvents[e.Attempt]) ? LineFate.Archive : LineFate.Keep;
        }
    }

    /// <summary>A create refused for certain made nothing; an ambiguous one the user has checked is no longer warned about.</summary>
    private static bool IsSettledWithoutTask(HashSet<string> events) =>
        events.Contains(JournalEntry.CreateRefused)
        || events.Contains(JournalEntry.AmbiguousCreate) && events.Contains(JournalEntry.CreateChecked);

    private enum LineFate
    {
        Keep,
        Archive,
        Drop,
    }

    /// <summary>Where one task's lines are, and its state folded from them.</summary>
    private sealed class TaskLines
    {
        private int _lastStatus = -1;
        private int _lastCompleted = -1;
        private int _lastSaved = -1;
        private bool _lastStatusHasProgress = true;
        private JournalTask _state;

        public TaskLines(string id)
        {
            Id = id;
            _state = new JournalTask(new VideoTask { Id = id }, null);
        }

        public string Id { get; }
        public int LastLine { get; private set; }

        /// <summary>Finished for good: saved after completing, or failed. Only the live journal is read for anything else.</summary>
        public bool IsSettled => _state.Task.Status == VideoTaskStatus.Failed
                                 || _state.Task.Status == VideoTaskStatus.Completed && _state.SavedPath is not null;

        public void Add(int index, JournalEntry e)
        {
            LastLine = index;
            _state = _state.Apply(e);
            if (e.Event == JournalEntry.StatusChanged)
            {
                _lastStatus = index;
                _lastStatusHasProgress = e.Progress is not null;
                if (e.Status == VideoTaskStatus.Completed) _lastCompleted = index;
            }
            else if (e.Event == JournalEntry.Saved)
            {
                _lastSaved = index;
            }
        }

        /// <summary>
        /// A status line before the last one (not the last completed one, which dates CompletedAt), or a saved line before
        /// the last: the fold reads the same without it. A last status line with no progress keeps all before it, whose
        /// progress the fold would still show.
        /// </summary>
        public bool IsOverridden(int index, JournalEntry e) => e.Event switch
        {
            JournalEntry.StatusChanged => _lastStatusHasProgress && index != _lastStatus && index != _lastCompleted,
            JournalEntry.Saved => index != _lastSaved,
            _ => false,
        };
    }
}
