using System.Globalization;

namespace Veo.Emulator;

/// <summary>
/// A request body as it arrives on a connection, read only as far as the core reads it: framed by Content-Length or
/// by chunked transfer coding (RFC 9112 sections 6.3 and 7.1; HttpClient chunks a body of unknown length, as a
/// PowerShell script piping a stream gives it). What the core leaves unread is drained before the next request.
/// </summary>
internal sealed class IncomingBody : ForwardOnlyStream
{
    private const int MaxChunkLineLength = 4096;

    private readonly ConnectionReader reader;
    private readonly bool chunked;
    private readonly CancellationToken cancellationToken;
    private long remaining;   // of the body (Content-Length) or of the current chunk
    private bool finished;

    private IncomingBody(ConnectionReader reader, bool chunked, long length, CancellationToken cancellationToken)
    {
        this.reader = reader;
        this.chunked = chunked;
        this.cancellationToken = cancellationToken;
        remaining = length;
        finished = !chunked && length == 0;
    }

    /// <summary>True once the whole body has been read, so the next bytes on the connection are the next request.</summary>
    public bool IsComplete => finished;

    public override long Length => throw new NotSupportedException();

    public static IncomingBody Chunked(ConnectionReader reader, CancellationToken cancellationToken) => new(reader, true, 0, cancellationToken);

    public static IncomingBody OfLength(ConnectionReader reader, long length, CancellationToken cancellationToken) => new(reader, false, length, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (finished || count == 0) return 0;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, this.cancellationToken);
        if (chunked && remaining == 0 && !await NextChunkAsync(linked.Token).ConfigureAwait(false)) return 0;

        var read = await reader.ReadAsync(buffer, offset, (int)Math.Min(count, remaining), linked.Token).ConfigureAwait(false);
        if (read == 0) throw new EndOfStreamException("The client closed the connection before the end of the request body.");
        remaining -= read;
        Consumed += read;
        if (remaining == 0 && !chunked) finished = true;
        if (remaining == 0 && chunked) await ExpectLineEndAsync(linked.Token).ConfigureAwait(false);
        return read;
    }

    /// <summary>Reads and discards the rest, at most <paramref name="limit"/> bytes; true when the body then ended.</summary>
    public async Task<bool> DrainAsync(long limit)
    {
        var scratch = new byte[16 * 1024];
        for (long drained = 0; !finished && drained <= limit;)
        {
            var read = await ReadAsync(scratch, 0, scratch.Length, CancellationToken.None).ConfigureAwait(false);
            if (read == 0) break;
            drained += read;
        }
        return finished;
    }

    // chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF; the last chunk has size 0 and is followed by trailers.
    private async Task<bool> NextChunkAsync(CancellationToken token)
    {
        var line = await reader.ReadLineAsync(MaxChunkLineLength, token).ConfigureAwait(false)
            ?? throw new EndOfStreamException("The client closed the connection in the middle of a chunked body.");
        var size = line.Split(';')[0].Trim();
        if (!long.TryParse(size, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out remaining) || remaining < 0)
            throw new InvalidDataException($"'{size}' is not a chunk size.");
        if (remaining > 0) return true;
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync(MaxChunkLineLength, token).ConfigureAwait(false)))
        {
            // Trailer fields: nothing the emulator uses.
        }
        finished = true;
        return false;
    }

    private async Task ExpectLineEndAsync(CancellationToken token)
    {
        if (await reader.ReadLineAsync(MaxChunkLineLength, token).ConfigureAwait(false) is not "")
            throw new InvalidDataException("A chunk's data is not followed by CR LF.");
    }
}
