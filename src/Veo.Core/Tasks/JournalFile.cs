using System.Text.Json;
using Veo.Core.Internal;

namespace Veo.Core.Tasks;

/// <summary>One line of a journal file as it is on disk, with its entry when the line reads as one (null: torn or foreign).</summary>
internal readonly struct JournalLine
{
    public JournalLine(ArraySegment<byte> raw, JournalEntry? entry)
    {
        Raw = raw;
        Entry = entry;
    }

    /// <summary>The line's bytes without its newline.</summary>
    public ArraySegment<byte> Raw { get; }
    public JournalEntry? Entry { get; }
}

/// <summary>
/// One JSON Lines file of the journal (the live journal or its archive): locked the way every Veo process locks it,
/// and read incrementally, so a second read parses only what was appended since the first.
/// </summary>
internal sealed class JournalFile
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private JournalSnapshot _snapshot = JournalSnapshot.Empty;
    private readonly object _readLock = new();

    public JournalFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>Bytes of the file parsed so far by this instance.</summary>
    public long BytesParsed { get; private set; }

    /// <summary>
    /// The file as read so far, brought up to date: only the bytes appended since the last read are parsed. A file that
    /// shrank or was replaced (compacted by another process, rewritten by another tool) is read again from the start.
    /// </summary>
    public JournalSnapshot Read()
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
                var bytes = ReadToEnd(stream, stream.Length - known.Offset);
                // Only whole lines: a line being written (or torn) is read again next time.
                var end = bytes.Length == 0 ? -1 : Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 1);
                if (end < 0) return known;
                BytesParsed += end + 1;
                var entries = new List<JournalEntry>();
                foreach (var line in Lines(bytes, end + 1))
                    if (line.Entry is { Event: not JournalEntry.Compacted } entry) entries.Add(entry);
                return known.With(entries, known.Offset + end + 1, known.Offset == 0 ? Head(bytes, end + 1) : known.Head);
            });
            return _snapshot;
        }
    }

    /// <summary>
    /// The lines of <paramref name="bytes"/> up to <paramref name="length"/>, each parsed straight from its UTF-8 bytes
    /// (no string of the whole file, no array of lines: a 60 MB journal read that way took 3 s, this way well under one).
    /// A last line with no newline is returned too; blank lines are not.
    /// </summary>
    public static IEnumerable<JournalLine> Lines(byte[] bytes, int length)
    {
        var start = 0;
        while (start < length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', start, length - start);
            var end = newline < 0 ? length : newline;
            var raw = new ArraySegment<byte>(bytes, start, end - start);
            start = end + 1;
            if (IsBlank(raw)) continue;
            yield return new JournalLine(raw, TryParse(raw));
        }
    }

    private static JournalEntry? TryParse(ArraySegment<byte> raw)
    {
        try
        {
            return JsonSerializer.Deserialize(new ReadOnlySpan<byte>(raw.Array, raw.Offset, raw.Count), JournalJsonContext.Default.JournalEntry);
        }
        catch (JsonException)
        {
            // A line torn by a crash mid-write: skipped, never fatal.
            return null;
        }
    }

    private static bool IsBlank(ArraySegment<byte> raw)
    {
        for (var i = raw.Offset; i < raw.Offset + raw.Count; i++)
            if (raw.Array![i] is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }

    public static byte[] ReadToEnd(FileStream stream, long count)
    {
        var bytes = new byte[count];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = stream.Read(bytes, read, bytes.Length - read);
            if (n == 0) break;
            read += n;
        }
        if (read < bytes.Length) Array.Resize(ref bytes, read);
        return bytes;
    }

    private static byte[] Head(byte[] bytes, int length) => bytes.Take(Math.Min(length, JournalSnapshot.HeadLength)).ToArray();

    /// <summary>
    /// Opens the file under the lock every Veo process takes: FileShare.None is exclusive, FileShare.Read is shared
    /// (on Unix .NET takes flock on the open file). Waits out another process's hold of a few microseconds.
    /// </summary>
    public T WithLock<T>(FileMode mode, FileAccess access, FileShare share, Func<FileStream, T> action)
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
