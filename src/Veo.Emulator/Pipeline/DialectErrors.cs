using Microsoft.AspNetCore.Http;

namespace Veo.Emulator;

/// <summary>Picks the error shape of the dialect a path belongs to, for faults that answer instead of the endpoint.</summary>
internal static class DialectErrors
{
    public static IResult RateLimited(HttpRequest request, TimeSpan? retryAfter) => DialectOf(request) switch
    {
        Dialect.Google => GoogleErrors.ResourceExhausted(retryAfter),
        Dialect.Cdn => Results.Text("Too Many Requests", "text/plain", statusCode: StatusCodes.Status429TooManyRequests),
        _ => NewApiErrors.RateLimited(),
    };

    /// <summary>A 502 comes from the proxy in front of the API, so it is an HTML page, not the API's JSON.</summary>
    public static IResult ServerError(HttpRequest request, int statusCode) => (statusCode, DialectOf(request)) switch
    {
        (StatusCodes.Status502BadGateway, _) => Results.Content(
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
            "text/html", statusCode: statusCode),
        (_, Dialect.Google) => GoogleErrors.ServerError(statusCode),
        (_, Dialect.Cdn) => Results.Text("Server Error", "text/plain", statusCode: statusCode),
        _ => NewApiErrors.UpstreamError(statusCode),
    };

    public static IResult UnknownRoute(HttpRequest request) => DialectOf(request) switch
    {
        Dialect.Google => GoogleErrors.NotFound($"The requested URL {request.Path} was not found on this server."),
        Dialect.Cdn => Results.Text("Not Found", "text/plain", statusCode: StatusCodes.Status404NotFound),
        _ => NewApiErrors.UnknownRoute(request),
    };

    internal static Dialect DialectOf(HttpRequest request) =>
        request.Path.StartsWithSegments("/v1beta") || request.Path.StartsWithSegments("/v1beta1") || request.Path.StartsWithSegments("/storage")
        || request.Path.StartsWithSegments("/v1/projects") ? Dialect.Google
        : request.Path.StartsWithSegments("/cdn") ? Dialect.Cdn
        : Dialect.NewApi;

    internal enum Dialect { NewApi, Google, Cdn }
}
