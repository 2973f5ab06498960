namespace Veo.Emulator;

/// <summary>
/// The request line and header fields of one HTTP/1.1 request (RFC 9112 sections 3 and 5), bounded in size so a
/// client that never ends its head cannot grow the emulator's memory.
/// </summary>
internal sealed class RequestHead
{
    private const int MaxLineLength = 16 * 1024;
    private const int MaxFields = 200;

    private RequestHead(string method, string target, string version, List<KeyValuePair<string, string>> fields)
    {
        Method = method;
        Target = target;
        Version = version;
        Fields = fields;
    }

    public string Method { get; }

    /// <summary>The request target as sent: origin-form (/path?query), or absolute-form from a client that thinks it talks to a proxy.</summary>
    public string Target { get; }

    public string Version { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The field's values joined with ", " (as RFC 9110 section 5.3 allows), or null.</summary>
    public string? this[string name]
    {
        get
        {
            var values = Fields.Where(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Select(f => f.Value).ToList();
            return values.Count == 0 ? null : string.Join(", ", values);
        }
    }

    /// <summary>HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes it unless told to keep it.</summary>
    public bool KeepsAlive => Version == "HTTP/1.1"
        ? !HasToken("Connection", "close")
        : HasToken("Connection", "keep-alive");

    public bool HasToken(string name, string token) =>
        this[name]?.Split(',').Any(t => string.Equals(t.Trim(), token, StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>The next request's head; null when the client closed the connection between requests.</summary>
    public static async Task<RequestHead?> ReadAsync(ConnectionReader reader, CancellationToken cancellationToken)
    {
        string? line;
        // RFC 9112 section 2.2: a server should ignore empty lines received before the request line.
        do line = await reader.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false);
        while (line is "");
        if (line is null) return null;

        var parts = line.Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            throw new InvalidDataException("The request line is not 'METHOD target HTTP/1.x'.");

        var fields = new List<KeyValuePair<string, string>>();
        while ((await reader.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false)
            ?? throw new EndOfStreamException("The client closed the connection in the middle of a request head.")) is { Length: > 0 } field)
        {
            var colon = field.IndexOf(':');
            if (colon <= 0 || fields.Count >= MaxFields) throw new InvalidDataException("A header field is malformed, or there are too many.");
            fields.Add(new KeyValuePair<string, string>(field.Substring(0, colon).Trim(), field.Substring(colon + 1).Trim()));
        }
        return new RequestHead(parts[0], parts[1], parts[2], fields);
    }
}
