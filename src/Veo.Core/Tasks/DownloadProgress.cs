namespace Veo.Core.Tasks;

/// <summary>
/// How far one download has got, updated by the download's thread and read by whoever shows it (Save-VeoVideo's
/// progress bars, written on the pipeline thread).
/// </summary>
public sealed class DownloadProgress
{
    private long _bytes;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public DownloadProgress(string taskId)
    {
        TaskId = taskId;
    }

    public string TaskId { get; }
    public long Bytes => Interlocked.Read(ref _bytes);
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Bytes a second since the download began.</summary>
    public double BytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / Elapsed.TotalSeconds : 0;

    /// <summary>A download started again from byte 0 (after a body cut short) counts from 0 again.</summary>
    internal void Restart() => Interlocked.Exchange(ref _bytes, 0);

    internal void Add(long bytes) => Interlocked.Add(ref _bytes, bytes);
}
