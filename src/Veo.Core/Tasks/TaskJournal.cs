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
    public IReadOnlyList<JournalEntry> ReadAll()
    {
        if (!File.Exists(Path)) return Array.Empty<JournalEntry>();
        var text = WithLock(FileMode.Open, FileAccess.Read, FileShare.Read, stream =>
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        });
        var entries = new List<JournalEntry>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length == 0) continue;
            try
            {
                if (JsonSerializer.Deserialize(line, JournalJsonContext.Default.JournalEntry) is { } entry) entries.Add(entry);
            }
            catch (JsonException)
            {
            }
        }
        return entries;
    }

    /// <summary>The latest known state of every task, folded from its entries.</summary>
    public IReadOnlyList<JournalTask> Tasks()
    {
        var byId = new Dictionary<string, JournalTask>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var e in ReadAll())
        {
            if (e.Id is null) continue;
            if (!byId.TryGetValue(e.Id, out var current))
            {
                current = new JournalTask(new VideoTask { Id = e.Id }, null);
                order.Add(e.Id);
            }
            byId[e.Id] = current.Apply(e);
        }
        return order.Select(id => byId[id]).ToList();
    }

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
