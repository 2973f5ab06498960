namespace Veo.Emulator;

/// <summary>
/// A body the emulator makes up as it is read, front to back and in memory: what such a stream does not do (seek, write,
/// set a position) said once. Reads complete at once, so the asynchronous read is the synchronous one.
/// </summary>
internal abstract class ForwardOnlyStream : Stream
{
    /// <summary>How many bytes have been read so far.</summary>
    protected long Consumed { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Position
    {
        get => Consumed;
        set => throw new NotSupportedException();
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
}
