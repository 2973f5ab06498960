namespace Veo.Emulator;

/// <summary>
/// The first bytes of a body, then the IOException a client gets when the connection drops before the promised
/// Content-Length arrived (SocketsHttpHandler's words: "The response ended prematurely").
/// </summary>
internal sealed class TruncatedStream(Stream inner, long limit, long promised) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (position >= limit) throw Ended();
        var read = inner.Read(buffer, offset, (int)Math.Min(count, limit - position));
        if (read == 0) throw Ended();
        position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(buffer, offset, count));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private IOException Ended() =>
        new($"The response ended prematurely, with at least {promised - position} additional bytes expected.");
}
