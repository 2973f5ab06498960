namespace Veo.Core.Tasks;

/// <summary>
/// What a <see cref="TaskJournal"/> has read: its entries, the tasks folded from them, and how far into the file it
/// got. Immutable: a new snapshot shares nothing mutable with the one before, so a reader may keep one.
/// </summary>
internal sealed class JournalSnapshot
{
    /// <summary>The first bytes of the file, kept to notice a file that was replaced by another of the same length or more.</summary>
    public const int HeadLength = 256;

    public static readonly JournalSnapshot Empty = new(Array.Empty<JournalEntry>(), Array.Empty<JournalTask>(), new Dictionary<string, int>(StringComparer.Ordinal), 0, Array.Empty<byte>());

    private readonly Dictionary<string, int> _taskIndex;

    private JournalSnapshot(IReadOnlyList<JournalEntry> entries, IReadOnlyList<JournalTask> tasks, Dictionary<string, int> taskIndex, long offset, byte[] head)
    {
        Entries = entries;
        Tasks = tasks;
        _taskIndex = taskIndex;
        Offset = offset;
        Head = head;
    }

    public IReadOnlyList<JournalEntry> Entries { get; }
    public IReadOnlyList<JournalTask> Tasks { get; }
    public long Offset { get; }
    public byte[] Head { get; }

    public bool StartsLike(Stream stream)
    {
        if (Offset == 0) return true;
        var head = new byte[Head.Length];
        stream.Seek(0, SeekOrigin.Begin);
        var read = 0;
        while (read < head.Length)
        {
            var n = stream.Read(head, read, head.Length - read);
            if (n == 0) break;
            read += n;
        }
        return read == Head.Length && head.AsSpan().SequenceEqual(Head);
    }

    /// <summary>The task with this id as folded so far, or null.</summary>
    public JournalTask? Find(string id) => _taskIndex.TryGetValue(id, out var at) ? Tasks[at] : null;

    /// <summary>This snapshot followed by another file's (the archive's, then the live journal's): the whole history.</summary>
    public JournalSnapshot Then(JournalSnapshot later) => Offset == 0 ? later : later.Offset == 0 ? this : With(later.Entries, later.Offset, later.Head);

    /// <summary>This snapshot with the entries read after it, folded into the tasks they concern.</summary>
    public JournalSnapshot With(IReadOnlyList<JournalEntry> added, long offset, byte[] head)
    {
        var entries = new List<JournalEntry>(Entries.Count + added.Count);
        entries.AddRange(Entries);
        entries.AddRange(added);
        var tasks = new List<JournalTask>(Tasks);
        var index = new Dictionary<string, int>(_taskIndex, StringComparer.Ordinal);
        foreach (var e in added)
        {
            if (e.Id is null) continue;
            if (!index.TryGetValue(e.Id, out var at))
            {
                at = tasks.Count;
                index[e.Id] = at;
                tasks.Add(new JournalTask(new VideoTask { Id = e.Id }, null));
            }
            tasks[at] = tasks[at].Apply(e);
        }
        return new JournalSnapshot(entries, tasks, index, offset, head);
    }
}
