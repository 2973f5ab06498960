namespace Veo.Emulator;

/// <summary>
/// An answer as a host sends it: status, headers and a body stream of a known length. A fault can make a host
/// drop the connection instead of answering (<see cref="Dropped"/>), or stop after <see cref="TruncateAfter"/>
/// bytes of a body whose full length was promised.
/// </summary>
public sealed class EmulatorResponse
{
    private static readonly byte[] NoBytes = new byte[0];

    private EmulatorResponse(int statusCode, string? contentType, Stream body, long length, bool dropped)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        ContentLength = length;
        IsDropped = dropped;
    }

    /// <summary>No answer at all: the host resets the connection.</summary>
    public static EmulatorResponse Dropped => new(0, null, Stream.Null, 0, dropped: true);

    public int StatusCode { get; }

    public string? ContentType { get; }

    /// <summary>Headers other than Content-Type and Content-Length (Retry-After, Location).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body; the host reads it to the end (or to <see cref="TruncateAfter"/>) and disposes it.</summary>
    public Stream Body { get; }

    /// <summary>The Content-Length sent, always the full length of <see cref="Body"/>.</summary>
    public long ContentLength { get; }

    public bool IsDropped { get; }

    /// <summary>When set, the host sends this many bytes of the body, then drops the connection.</summary>
    public long? TruncateAfter { get; private set; }

    public static EmulatorResponse FromBytes(int statusCode, string? contentType, byte[] body) =>
        new(statusCode, contentType, new MemoryStream(body, writable: false), body.Length, dropped: false);

    /// <summary>A body streamed from <paramref name="body"/>, which must know its length.</summary>
    public static EmulatorResponse FromStream(int statusCode, string? contentType, Stream body) =>
        new(statusCode, contentType, body, body.Length, dropped: false);

    public static EmulatorResponse Empty(int statusCode) => FromBytes(statusCode, null, NoBytes);

    /// <summary>The same answer with a new body (after a fault changed it), headers kept.</summary>
    internal EmulatorResponse WithBody(int statusCode, string? contentType, byte[] body)
    {
        var copy = FromBytes(statusCode, contentType, body);
        foreach (var header in Headers) copy.Headers[header.Key] = header.Value;
        return copy;
    }

    internal EmulatorResponse Truncated(long after)
    {
        TruncateAfter = after;
        return this;
    }

    /// <summary>Reads the whole body into memory, for faults that alter or cut it.</summary>
    internal async Task<byte[]> ReadBodyAsync(CancellationToken cancellationToken)
    {
        using (Body)
        {
            using var copy = new MemoryStream();
            await Body.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
            return copy.ToArray();
        }
    }
}
