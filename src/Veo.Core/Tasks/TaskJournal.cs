using System.Text;
using System.Text.Json;
using Veo.Core.Internal;

namespace Veo.Core.Tasks;

/// <summary>
/// Every paid task, as JSON Lines in the user's data folder (VEO_HOME overrides). A line is
/// written whole under an exclusive lock and handed to the OS before the caller goes on, so
/// several processes can append at once and a crashed process loses at most the line being
/// written; the lines that record money spent are also forced to the disk (see <see cref="MustReachDisk"/>).
/// Once the live file passes <see cref="CompactAbove"/>, finished tasks move to an archive beside it
/// (<see cref="JournalCompaction"/>), so what a resume or a Tab completion reads stays small however long the history.
/// </summary>
public sealed class TaskJournal
{
    /// <summary>The live journal's size from which a compaction is tried (about 1,700 tasks of four lines).</summary>
    internal const long CompactAbove = 2L << 20;

    /// <summary>Finished tasks that stay in the live journal after a compaction, newest first: what Tab offers besides the unfinished ones.</summary>
    internal const int KeepSettled = 100;

    private readonly JournalFile _live;
    private readonly JournalFile _archive;
    private readonly object _fullLock = new();
    private (JournalSnapshot Archive, JournalSnapshot Live, JournalSnapshot Full)? _full;
    private long _nextCompactionAt = CompactAbove;

    public TaskJournal(string path)
    {
        Path = path;
        ArchivePath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? "",
            System.IO.Path.GetFileNameWithoutExtension(path) + ".archive" + System.IO.Path.GetExtension(path));
        _live = new JournalFile(path);
        _archive = new JournalFile(ArchivePath);
    }

    public string Path { get; }

    /// <summary>Where compactions move finished tasks; read only when a question needs them (Get-VeoVideo, an id not in the live journal).</summary>
    public string ArchivePath { get; }

    /// <summary>The live journal after a compaction was cut short, held whole until the live file is rewritten from it.</summary>
    private string RewritePath => Path + ".compacting";

    public static string DefaultFolder()
    {
        var home = Environment.GetEnvironmentVariable("VEO_HOME");
        if (!string.IsNullOrWhiteSpace(home)) return home!;
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return System.IO.Path.Combine(string.IsNullOrEmpty(data) ? System.IO.Path.GetTempPath() : data, "Veo");
    }

    public static TaskJournal Default() => new(System.IO.Path.Combine(DefaultFolder(), "journal.jsonl"));

    public void Append(JournalEntry entry)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, JournalJsonContext.Default.JournalEntry) + "\n");
        PrivateFiles.EnsureFile(Path);
        var length = _live.WithLock(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, stream =>
        {
            FinishInterruptedCompaction(stream);
            stream.Seek(0, SeekOrigin.End);
            stream.Write(line, 0, line.Length);
            stream.Flush(flushToDisk: MustReachDisk(entry));
            return stream.Length;
        });
        // A saved video ends a task's life: the moment finished tasks can move out, and never on the path of a paid create.
        if (entry.Event == JournalEntry.Saved && length >= Volatile.Read(ref _nextCompactionAt)) CompactAutomatically();
    }

    /// <summary>
    /// A created task (or a create whose answer was lost) is money spent and must survive a power cut. Status changes and
    /// saved files can be learned again by polling or looking at the file, which is itself not forced to disk: forcing
    /// their lines there made the fsync wait on the video's own pages, a quarter of the time of a 100 MiB save.
    /// </summary>
    internal static bool MustReachDisk(JournalEntry entry) => entry.Event is JournalEntry.CreateSent or JournalEntry.Created or JournalEntry.AmbiguousCreate;

    /// <summary>
    /// Creates whose outcome is unknown, so a task may exist and be billed without an id: the ones whose answer
    /// was lost (ambiguous-create), and the ones sent by a process that died or was stopped before any answer.
    /// A compaction never moves these (nor any line of their attempt) out of the live journal, so only it is read.
    /// </summary>
    public IReadOnlyList<JournalEntry> UncertainCreates()
    {
        var entries = Live().Entries;
        var settled = new HashSet<string>(entries.Where(e => e.Event != JournalEntry.CreateSent && e.Attempt is not null).Select(e => e.Attempt!));
        var checkedAttempts = new HashSet<string>(entries.Where(e => e.Event == JournalEntry.CreateChecked && e.Attempt is not null).Select(e => e.Attempt!));
        return entries.Where(e => e.Event == JournalEntry.AmbiguousCreate && (e.Attempt is null || !checkedAttempts.Contains(e.Attempt))
                                  || e.Event == JournalEntry.CreateSent && (e.Attempt is null || !settled.Contains(e.Attempt))).ToList();
    }

    /// <summary>Every readable entry in order, the archive's first; a line torn by a crash is skipped, never fatal.</summary>
    public IReadOnlyList<JournalEntry> ReadAll() => Full().Entries;

    /// <summary>The latest known state of every task, folded from its entries (the archive's and the live journal's).</summary>
    public IReadOnlyList<JournalTask> Tasks() => Full().Tasks;

    /// <summary>
    /// The tasks of the live journal: every unfinished one, the newest finished ones and any touched since the last
    /// compaction, in the order they were first journaled. Reads the archive only for a task whose creation is there.
    /// </summary>
    public IReadOnlyList<JournalTask> RecentTasks()
    {
        var live = Live().Tasks;
        if (live.All(t => t.Task.CreatedAt is not null) || !File.Exists(ArchivePath)) return live;
        var full = Full();
        return live.Select(t => t.Task.CreatedAt is null ? full.Find(t.Task.Id) ?? t : t).ToList();
    }

    /// <summary>The ids of the live journal's tasks, newest first: never reads the archive.</summary>
    internal IEnumerable<string> RecentIds()
    {
        var live = Live().Tasks;
        for (var i = live.Count - 1; i >= 0; i--) yield return live[i].Task.Id;
    }

    /// <summary>The -Batch names of the live journal, newest first: never reads the archive.</summary>
    internal IEnumerable<string> RecentBatches()
    {
        var entries = Live().Entries;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = entries.Count - 1; i >= 0; i--)
            if (entries[i].Batch is { } batch && seen.Add(batch)) yield return batch;
    }

    /// <summary>One task by id: from the live journal when it knows the task's creation, else from the whole history.</summary>
    public JournalTask? Find(string id)
    {
        var recent = Live().Find(id);
        if (recent?.Task.CreatedAt is not null || !File.Exists(ArchivePath)) return recent;
        return Full().Find(id) ?? recent;
    }

    /// <summary>Bytes of the live file parsed so far by this instance: a read after an append parses only the new lines.</summary>
    internal long BytesParsed => _live.BytesParsed;

    /// <summary>Moves finished tasks to the archive now, whatever the journal's size; what it did, for tests and tools.</summary>
    internal CompactionPlan? Compact() => File.Exists(Path) ? Compact(automatic: false) : null;

    private JournalSnapshot Live()
    {
        if (File.Exists(RewritePath))
        {
            try
            {
                _live.WithLock(FileMode.Open, FileAccess.ReadWrite, FileShare.None, stream =>
                {
                    FinishInterruptedCompaction(stream);
                    return 0;
                });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A journal this process may read but not rewrite: the rewrite is left to one that can.
            }
        }
        // A journal that grew past the mark (one written before compactions existed, or by a process that never saved)
        // is compacted by the first reader, once; the reads after it are of the small live file.
        if (File.Exists(Path) && new FileInfo(Path).Length >= Volatile.Read(ref _nextCompactionAt)) CompactAutomatically();
        return _live.Read();
    }

    /// <summary>
    /// A compaction that fails (a full disk, an archive it may not write, a journal gone meanwhile) changes nothing a
    /// reader relies on: the live journal is whole, or whole in <see cref="RewritePath"/>. It never fails the append or
    /// the read that started it.
    /// </summary>
    private void CompactAutomatically()
    {
        try
        {
            Compact(automatic: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private JournalSnapshot Full()
    {
        var live = Live();
        var archive = _archive.Read();
        if (archive.Offset == 0) return live;
        lock (_fullLock)
        {
            if (_full is { } cached && ReferenceEquals(cached.Archive, archive) && ReferenceEquals(cached.Live, live)) return cached.Full;
            var full = archive.Then(live);
            _full = (archive, live, full);
            return full;
        }
    }

    /// <summary>
    /// Rewrites the live journal without the lines <see cref="JournalCompaction"/> moves or drops. The slow part (reading
    /// and folding a long history: seconds for 60 MB) runs under the shared lock only, so writers wait just for the
    /// rewrite; under the exclusive lock the file must still start as it did (else another process compacted it first
    /// and this one gives up), and the lines appended meanwhile are kept as they are. Crash-safe in this order: the moved
    /// lines reach the archive's disk first (a crash after it leaves them in both files, which fold as once); the new
    /// content is written whole beside the journal and renamed into <see cref="RewritePath"/>, and only then is the live
    /// file rewritten in place (same file, same lock: a writer waiting on it appends after the rewrite). Whoever finds
    /// <see cref="RewritePath"/> next finishes the rewrite from it.
    /// </summary>
    private CompactionPlan? Compact(bool automatic)
    {
        var bytes = _live.WithLock(FileMode.Open, FileAccess.Read, FileShare.Read, stream => JournalFile.ReadToEnd(stream, stream.Length));
        var read = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        var plan = JournalCompaction.Plan(JournalFile.Lines(bytes, read).ToList(), KeepSettled);
        var keptBytes = plan.Kept.Sum(l => (long)l.Raw.Count + 1);
        // Little to gain (most tasks still going on): not tried again until the journal has grown by half the mark.
        Volatile.Write(ref _nextCompactionAt, Math.Max(CompactAbove, keptBytes + CompactAbove / 2));
        if (!plan.ChangesAnything || automatic && keptBytes > read * 3 / 4) return null;

        return _live.WithLock(FileMode.Open, FileAccess.ReadWrite, FileShare.None, stream =>
        {
            FinishInterruptedCompaction(stream);
            if (stream.Length < read || !StartsWith(stream, bytes, Math.Min(read, JournalSnapshot.HeadLength))) return null;
            stream.Seek(read, SeekOrigin.Begin);
            var appended = JournalFile.ReadToEnd(stream, stream.Length - read);

            if (plan.Archived.Count > 0) AppendToArchive(plan.Archived);
            var header = new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.Compacted, Attempt = Guid.NewGuid().ToString("N") };
            var content = new MemoryStream();
            WriteLine(content, new ArraySegment<byte>(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header, JournalJsonContext.Default.JournalEntry))));
            foreach (var line in plan.Kept) WriteLine(content, line.Raw);
            content.Write(appended, 0, appended.Length);

            var staging = RewritePath + ".tmp";
            using (var file = new FileStream(staging, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                content.WriteTo(file);
                file.Flush(flushToDisk: true);
            }
            File.Move(staging, RewritePath);
            Rewrite(stream, content.ToArray());
            return plan;
        });
    }

    private static bool StartsWith(FileStream stream, byte[] expected, int count)
    {
        stream.Seek(0, SeekOrigin.Begin);
        var head = JournalFile.ReadToEnd(stream, count);
        return head.Length == count && head.AsSpan().SequenceEqual(expected.AsSpan(0, count));
    }

    /// <summary>A compaction that died after staging its result: the live file is rewritten from it (the archive already has its lines).</summary>
    private void FinishInterruptedCompaction(FileStream stream)
    {
        if (File.Exists(RewritePath + ".tmp")) File.Delete(RewritePath + ".tmp");
        if (!File.Exists(RewritePath)) return;
        Rewrite(stream, File.ReadAllBytes(RewritePath));
    }

    private void Rewrite(FileStream stream, byte[] content)
    {
        stream.SetLength(0);
        stream.Seek(0, SeekOrigin.Begin);
        stream.Write(content, 0, content.Length);
        stream.Flush(flushToDisk: true);
        File.Delete(RewritePath);
    }

    private void AppendToArchive(IReadOnlyList<JournalLine> lines)
    {
        PrivateFiles.EnsureFile(ArchivePath);
        _archive.WithLock(FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, archive =>
        {
            archive.Seek(0, SeekOrigin.End);
            using var buffered = new BufferedStream(archive, 1 << 16);
            foreach (var line in lines) WriteLine(buffered, line.Raw);
            buffered.Flush();
            archive.Flush(flushToDisk: true);
            return 0;
        });
    }

    private static void WriteLine(Stream stream, ArraySegment<byte> raw)
    {
        stream.Write(raw.Array!, raw.Offset, raw.Count);
        stream.WriteByte((byte)'\n');
    }
}

/// <summary>A task as the journal remembers it, with the file it was saved to if any.</summary>
public sealed record JournalTask(VideoTask Task, string? SavedPath)
{
    public JournalTask Apply(JournalEntry e) => e.Event switch
    {
        JournalEntry.Created => this with
        {
            Task = Task with
            {
                Route = e.Route ?? Task.Route,
                BaseUri = e.BaseUri ?? Task.BaseUri,
                Model = e.Model ?? Task.Model,
                Status = e.Status ?? Task.Status,
                Progress = e.Progress ?? Task.Progress,
                CreatedAt = e.At,
                Prompt = e.Prompt,
                Request = e.Request,
                EstimatedCost = e.Cost,
                Error = e.Error ?? Task.Error,
                Batch = e.Batch ?? Task.Batch,
                Row = e.Row ?? Task.Row,
                RowKey = e.RowKey ?? Task.RowKey,
                RowOrdinal = e.RowOrdinal ?? Task.RowOrdinal,
            },
        },
        JournalEntry.StatusChanged => this with
        {
            Task = Task with
            {
                Status = e.Status ?? Task.Status,
                Progress = e.Progress ?? Task.Progress,
                Error = e.Error,
                CompletedAt = e.Status == VideoTaskStatus.Completed ? e.At : Task.CompletedAt,
            },
        },
        JournalEntry.Saved => this with { SavedPath = e.Path },
        _ => this,
    };
}
