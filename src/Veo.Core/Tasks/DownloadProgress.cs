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

    internal Stream Counting(Stream destination) => new CountingStream(destination, this);

    private sealed class CountingStream : Stream
    {
        private readonly Stream _inner;
        private readonly DownloadProgress _progress;

        public CountingStream(Stream inner, DownloadProgress progress)
        {
            _inner = inner;
            _progress = progress;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _inner.Length;
        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => _inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
            Interlocked.Add(ref _progress._bytes, count);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await _inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _progress._bytes, count);
        }
    }
}
