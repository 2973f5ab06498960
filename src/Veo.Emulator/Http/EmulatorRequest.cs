namespace Veo.Emulator;

/// <summary>
/// One request as a host hands it to the core: what any HTTP server would see, with no framework's types.
/// <see cref="Path"/> is decoded (as Kestrel gives it); <see cref="QueryString"/> is raw, without the '?'.
/// The body is read by the core, and only when it needs it, so a fault can drop a connection before reading.
/// </summary>
public sealed class EmulatorRequest
{
    private readonly Dictionary<string, string> headers;
    private Dictionary<string, string>? query;

    public EmulatorRequest(string method, string scheme, string host, string path, string queryString,
        IEnumerable<KeyValuePair<string, string>> headers, Stream? body)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Scheme = scheme ?? throw new ArgumentNullException(nameof(scheme));
        Host = host ?? throw new ArgumentNullException(nameof(host));
        Path = string.IsNullOrEmpty(path) ? "/" : path;
        QueryString = (queryString ?? "").TrimStart('?');
        this.headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers ?? throw new ArgumentNullException(nameof(headers)))
        {
            this.headers[header.Key] = this.headers.TryGetValue(header.Key, out var earlier) ? earlier + ", " + header.Value : header.Value;
        }
        Body = body ?? Stream.Null;
    }

    public string Method { get; }

    public string Scheme { get; }

    /// <summary>The Host header: host and port as the client addressed the emulator, e.g. 127.0.0.1:5080.</summary>
    public string Host { get; }

    public string Path { get; }

    public string QueryString { get; }

    /// <summary>Every header, repeated ones joined with ", " as HTTP allows; names ignore case.</summary>
    public IReadOnlyDictionary<string, string> Headers => headers;

    public Stream Body { get; }

    public string PathAndQuery => QueryString.Length == 0 ? Path : Path + "?" + QueryString;

    /// <summary>The host name without the port ("[::1]" keeps its brackets).</summary>
    public string HostName => SplitHost().Name;

    /// <summary>The port the client named, null when it named none.</summary>
    public int? Port => SplitHost().Port;

    public string? ContentType => Header("Content-Type");

    public string? Header(string name) => headers.TryGetValue(name, out var value) ? value : null;

    public bool HasHeader(string name) => headers.ContainsKey(name);

    /// <summary>The first value of a query parameter, decoded ('+' is a space), or null.</summary>
    public string? Query(string name)
    {
        query ??= QueryParameters.Parse(QueryString);
        return query.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>Per-request marks a fault leaves for the endpoint (e.g. answer in another gateway's shape).</summary>
    internal HashSet<string> Marks { get; } = new(StringComparer.Ordinal);

    /// <summary>The body as the pipeline read it; empty until then.</summary>
    internal RequestBody ReadBody { get; set; } = RequestBody.Empty;

    /// <summary>Values taken from the path by the route that matched.</summary>
    internal RouteValues Route { get; set; } = RouteValues.None;

    private (string Name, int? Port) SplitHost()
    {
        var colon = Host.LastIndexOf(':');
        if (colon < 0 || Host.IndexOf(']', colon) >= 0) return (Host, null);
        return int.TryParse(Host.Substring(colon + 1), out var port) ? (Host.Substring(0, colon), port) : (Host, null);
    }
}
