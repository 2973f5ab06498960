namespace Veo.Emulator;

/// <summary>Picks the error shape of the dialect a path belongs to, for faults that answer instead of the endpoint.</summary>
internal static class DialectErrors
{
    public static EmulatorResponse RateLimited(EmulatorRequest request, TimeSpan? retryAfter) => DialectOf(request) switch
    {
        Dialect.Google => GoogleErrors.ResourceExhausted(retryAfter),
        Dialect.Cdn => Responses.Text("Too Many Requests", "text/plain", 429),
        _ => NewApiErrors.RateLimited(),
    };

    /// <summary>A 502 comes from the proxy in front of the API, so it is an HTML page, not the API's JSON.</summary>
    public static EmulatorResponse ServerError(EmulatorRequest request, int statusCode) => (statusCode, DialectOf(request)) switch
    {
        (502, _) => Responses.Text(
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
            "text/html", statusCode),
        (_, Dialect.Google) => GoogleErrors.ServerError(statusCode),
        (_, Dialect.Cdn) => Responses.Text("Server Error", "text/plain", statusCode),
        _ => NewApiErrors.UpstreamError(statusCode),
    };

    public static EmulatorResponse UnknownRoute(EmulatorRequest request) => DialectOf(request) switch
    {
        Dialect.Google => GoogleErrors.NotFound($"The requested URL {request.Path} was not found on this server."),
        Dialect.Cdn => Responses.Text("Not Found", "text/plain", 404),
        _ => NewApiErrors.UnknownRoute(request),
    };

    internal static Dialect DialectOf(EmulatorRequest request) =>
        StartsWithSegment(request.Path, "/v1beta") || StartsWithSegment(request.Path, "/v1beta1") || StartsWithSegment(request.Path, "/v1/projects")
        || StartsWithSegment(request.Path, "/v1/interactions")
        || StartsWithSegment(request.Path, "/storage") ? Dialect.Google
        : StartsWithSegment(request.Path, "/cdn") ? Dialect.Cdn
        : Dialect.NewApi;

    /// <summary>As ASP.NET Core's PathString.StartsWithSegments: the prefix, ignoring case, then the end or a '/'.</summary>
    internal static bool StartsWithSegment(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/');

    internal enum Dialect { NewApi, Google, Cdn }
}
