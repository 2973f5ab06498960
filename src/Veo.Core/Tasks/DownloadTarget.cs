using Veo.Core.Http;

namespace Veo.Core.Tasks;

/// <summary>
/// Where a video download is written: the .partial file, with the checks a download owes the disk. A size the server
/// announces (Content-Length) is checked against the ceiling and the free space before a byte is written, and the
/// ceiling holds while the body streams, so a server that promises or sends without end is stopped.
/// </summary>
internal sealed class DownloadTarget : Stream
{
    private readonly FileStream _file;
    private readonly long _maxBytes;
    private readonly DownloadProgress? _progress;
    private long _written;

    public DownloadTarget(FileStream file, long maxBytes, DownloadProgress? progress)
    {
        _file = file;
        _maxBytes = maxBytes;
        _progress = progress;
    }

    /// <summary>Called with the body's announced length before it is read.</summary>
    public void Announce(long bytes)
    {
        if (bytes > _maxBytes) throw VideoTooLargeException.Announced(bytes, _maxBytes);
        var free = FreeSpace(_file.Name);
        if (free is { } available && bytes > available)
            throw new IOException($"The video is {bytes:N0} bytes but only {available:N0} bytes are free where {_file.Name} is written. Nothing was saved.");
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Check(count);
        _file.Write(buffer, offset, count);
        Count(count);
    }

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Check(count);
        await _file.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        Count(count);
    }

    private void Check(int count)
    {
        if (_written + count > _maxBytes) throw VideoTooLargeException.Streamed(_maxBytes);
    }

    private void Count(int count)
    {
        _written += count;
        _progress?.Add(count);
    }

    private static long? FreeSpace(string path)
    {
        try
        {
            return new DriveInfo(Path.GetPathRoot(Path.GetFullPath(path))!).AvailableFreeSpace;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _file.Length;
    public override long Position { get => _file.Position; set => throw new NotSupportedException(); }
    public override void Flush() => _file.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => _file.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
