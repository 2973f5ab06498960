using System.Text;
using System.Text.Json;
using Veo.Core.Internal;

namespace Veo.Core.Tasks;

/// <summary>
/// Every paid task, as JSON Lines in the user's data folder (VEO_HOME overrides). A line is
/// written whole under an exclusive lock and handed to the OS before the caller goes on, so
/// several processes can append at once and a crashed process loses at most the line being
/// written; the lines that record money spent are also forced to the disk (see <see cref="MustReachDisk"/>).
/// </summary>
public sealed class TaskJournal
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    public TaskJournal(string path)
    {
        Path = path;
    }

    public string Path { get; }

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
        WithLock(FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, stream =>
        {
            stream.Seek(0, SeekOrigin.End);
            stream.Write(line, 0, line.Length);
            stream.Flush(flushToDisk: MustReachDisk(entry));
            return 0;
        });
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
    /// </summary>
    public IReadOnlyList<JournalEntry> UncertainCreates()
    {
        var entries = ReadAll();
        var settled = new HashSet<string>(entries.Where(e => e.Event != JournalEntry.CreateSent && e.Attempt is not null).Select(e => e.Attempt!));
        var checkedAttempts = new HashSet<string>(entries.Where(e => e.Event == JournalEntry.CreateChecked && e.Attempt is not null).Select(e => e.Attempt!));
        return entries.Where(e => e.Event == JournalEntry.AmbiguousCreate && (e.Attempt is null || !checkedAttempts.Contains(e.Attempt))
                                  || e.Event == JournalEntry.CreateSent && (e.Attempt is null || !settled.Contains(e.Attempt))).ToList();
    }

    /// <summary>Every readable entry in order; a line torn by a crash is skipped, never fatal.</summary>
    public IReadOnlyList<JournalEntry> ReadAll() => Snapshot().Entries;

    /// <summary>The latest known state of every task, folded from its entries.</summary>
    public IReadOnlyList<JournalTask> Tasks() => Snapshot().Tasks;

    /// <summary>Bytes of the file parsed so far by this instance: a read after an append parses only the new lines.</summary>
    internal long BytesParsed { get; private set; }

    private JournalSnapshot _snapshot = JournalSnapshot.Empty;
    private readonly object _readLock = new();

    /// <summary>
    /// The journal as read so far, brought up to date: only the bytes appended since the last read are parsed, so a
    /// resume by id or a Tab completion costs the new lines, not the whole history. A file that shrank or was
    /// replaced (another tool rewrote it) is read again from the start.
    /// </summary>
    private JournalSnapshot Snapshot()
    {
        lock (_readLock)
        {
            if (!File.Exists(Path)) return _snapshot = JournalSnapshot.Empty;
            _snapshot = WithLock(FileMode.Open, FileAccess.Read, FileShare.Read, stream =>
            {
                var known = _snapshot;
                if (stream.Length < known.Offset || !known.StartsLike(stream)) known = JournalSnapshot.Empty;
                if (stream.Length == known.Offset) return known;
                stream.Seek(known.Offset, SeekOrigin.Begin);
                var bytes = new byte[stream.Length - known.Offset];
                var read = 0;
                while (read < bytes.Length)
                {
                    var n = stream.Read(bytes, read, bytes.Length - read);
                    if (n == 0) break;
                    read += n;
                }
                // Only whole lines: a line being written (or torn) is read again next time.
                var end = read == 0 ? -1 : Array.LastIndexOf(bytes, (byte)'\n', read - 1);
                if (end < 0) return known;
                BytesParsed += end + 1;
                return known.With(Parse(bytes, end + 1), known.Offset + end + 1, known.Offset == 0 ? Head(bytes, end + 1) : known.Head);
            });
            return _snapshot;
        }
    }

    private static List<JournalEntry> Parse(byte[] bytes, int length)
    {
        var entries = new List<JournalEntry>();
        foreach (var line in Encoding.UTF8.GetString(bytes, 0, length).Split('\n'))
        {
            if (line.Trim().Length == 0) continue;
            try
            {
                if (JsonSerializer.Deserialize(line, JournalJsonContext.Default.JournalEntry) is { } entry) entries.Add(entry);
            }
            catch (JsonException)
            {
                // A line torn by a crash mid-write: skipped, never fatal.
            }
        }
        return entries;
    }

    private static byte[] Head(byte[] bytes, int length) => bytes.Take(Math.Min(length, JournalSnapshot.HeadLength)).ToArray();

    private T WithLock<T>(FileMode mode, FileAccess access, FileShare share, Func<FileStream, T> action)
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                using var stream = new FileStream(Path, mode, access, share, 4096, FileOptions.None);
                return action(stream);
            }
            catch (IOException) when (DateTime.UtcNow < deadline && !(mode == FileMode.Open && !File.Exists(Path)))
            {
                // Another process holds the lock for the few microseconds of its write.
                Thread.Sleep(Jitter.Between(2, 15));
            }
        }
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
