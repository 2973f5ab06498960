namespace Veo.Emulator;

/// <summary>Values a route took from the path, by the names in its pattern.</summary>
internal sealed class RouteValues
{
    public static readonly RouteValues None = new(new Dictionary<string, string>());

    private readonly IReadOnlyDictionary<string, string> values;

    public RouteValues(IReadOnlyDictionary<string, string> values) => this.values = values;

    public string this[string name] => values[name];
}

/// <summary>
/// The endpoints by method and path pattern, matched in the order added. A pattern segment is literal text with
/// at most one {name} in it ("{model}:predictLongRunning", "{id}.mp4"); literals ignore case and a value is never
/// empty, as in ASP.NET Core routing, which the emulator used before it had its own. A last segment {*name} takes the
/// rest of the path, slashes and all (a Cloud Storage object name, which a host may hand over with its %2F decoded).
/// </summary>
internal sealed class RouteTable
{
    private readonly List<Route> routes = [];

    public void Map(string method, string pattern, Func<EmulatorRequest, EmulatorResponse> endpoint) =>
        routes.Add(new Route(method, pattern.Trim('/').Split('/').Select(Segment.Parse).ToArray(), endpoint));

    public void MapGet(string pattern, Func<EmulatorRequest, EmulatorResponse> endpoint) => Map("GET", pattern, endpoint);

    public void MapPost(string pattern, Func<EmulatorRequest, EmulatorResponse> endpoint) => Map("POST", pattern, endpoint);

    public void MapDelete(string pattern, Func<EmulatorRequest, EmulatorResponse> endpoint) => Map("DELETE", pattern, endpoint);

    /// <summary>The endpoint for this request, its route values set on the request; null when no route matches.</summary>
    public Func<EmulatorRequest, EmulatorResponse>? Find(EmulatorRequest request)
    {
        var path = request.Path.Trim('/').Split('/');
        foreach (var route in routes)
        {
            if (!string.Equals(route.Method, request.Method, StringComparison.OrdinalIgnoreCase)) continue;
            var catchAll = route.Segments[route.Segments.Length - 1].Parameter?.StartsWith("*", StringComparison.Ordinal) == true;
            if (catchAll ? path.Length < route.Segments.Length : route.Segments.Length != path.Length) continue;
            if (catchAll) path = path.Take(route.Segments.Length - 1).Append(string.Join("/", path.Skip(route.Segments.Length - 1))).ToArray();
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (route.Segments.Select((segment, i) => segment.TryMatch(path[i], values)).All(matched => matched))
            {
                request.Route = new RouteValues(values);
                return route.Endpoint;
            }
        }
        return null;
    }

    private sealed record Route(string Method, Segment[] Segments, Func<EmulatorRequest, EmulatorResponse> Endpoint);

    /// <summary>Prefix, then optionally a {parameter} and a suffix.</summary>
    private sealed record Segment(string Prefix, string? Parameter, string Suffix)
    {
        public static Segment Parse(string text)
        {
            var open = text.IndexOf('{');
            if (open < 0) return new Segment(text, null, "");
            var close = text.IndexOf('}', open);
            if (close < 0) throw new ArgumentException($"Unclosed parameter in route segment '{text}'.");
            return new Segment(text.Substring(0, open), text.Substring(open + 1, close - open - 1), text.Substring(close + 1));
        }

        public bool TryMatch(string text, Dictionary<string, string> values)
        {
            if (Parameter is null) return string.Equals(text, Prefix, StringComparison.OrdinalIgnoreCase);
            if (text.Length <= Prefix.Length + Suffix.Length
                || !text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                || !text.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)) return false;
            values[Parameter.TrimStart('*')] = text.Substring(Prefix.Length, text.Length - Prefix.Length - Suffix.Length);
            return true;
        }
    }
}
