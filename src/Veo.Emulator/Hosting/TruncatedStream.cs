namespace Veo.Emulator;

/// <summary>
/// The first bytes of a body, then the IOException a client gets when the connection drops before the promised
/// Content-Length arrived (SocketsHttpHandler's words: "The response ended prematurely").
/// </summary>
internal sealed class TruncatedStream(Stream inner, long limit, long promised) : ForwardOnlyStream
{

    public override long Length => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (Consumed >= limit) throw Ended();
        var read = inner.Read(buffer, offset, (int)Math.Min(count, limit - Consumed));
        if (read == 0) throw Ended();
        Consumed += read;
        return read;
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private IOException Ended() =>
        new($"The response ended prematurely, with at least {promised - Consumed} additional bytes expected.");
}
