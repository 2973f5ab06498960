using System.Text;

namespace Veo.Emulator;

/// <summary>
/// The bytes a client sends on one connection, buffered: the request head is read line by line, and what follows it
/// (a body, the next request) is read from the same buffer first, so nothing read ahead is lost.
/// </summary>
internal sealed class ConnectionReader(Stream connection)
{
    private readonly byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;

    /// <summary>
    /// One line without its CR LF (RFC 9112 section 2.2 lets a bare LF end it too); null when the client closed the
    /// connection before sending any byte of it, as it does between requests.
    /// </summary>
    public async Task<string?> ReadLineAsync(int maxLength, CancellationToken cancellationToken)
    {
        using var line = new MemoryStream();
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            var stop = newline < 0 ? end : newline;
            line.Write(buffer, start, stop - start);
            if (line.Length > maxLength) throw new InvalidDataException($"A request line or header is longer than {maxLength} bytes.");
            if (newline >= 0)
            {
                start = newline + 1;
                var bytes = line.ToArray();
                var length = bytes.Length > 0 && bytes[bytes.Length - 1] == '\r' ? bytes.Length - 1 : bytes.Length;
                return Encoding.UTF8.GetString(bytes, 0, length);
            }
            start = end;
            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                if (line.Length == 0) return null;
                throw new EndOfStreamException("The client closed the connection in the middle of a request head.");
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> bytes, buffered ones first; 0 when the client closed its side.</summary>
    public async Task<int> ReadAsync(byte[] destination, int offset, int count, CancellationToken cancellationToken)
    {
        if (start == end && await FillAsync(cancellationToken).ConfigureAwait(false) == 0) return 0;
        var taken = Math.Min(count, end - start);
        Buffer.BlockCopy(buffer, start, destination, offset, taken);
        start += taken;
        return taken;
    }

    private async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        start = 0;
        end = await connection.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
        return end;
    }
}
