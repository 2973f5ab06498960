using Microsoft.AspNetCore.Http;

namespace Veo.Emulator;

/// <summary>Picks the error shape of the dialect a path belongs to, for faults that answer instead of the endpoint.</summary>
internal static class DialectErrors
{
    public static IResult RateLimited(HttpRequest request, TimeSpan? retryAfter) => NewApiErrors.RateLimited();

    /// <summary>A 502 comes from the proxy in front of the API, so it is an HTML page, not the API's JSON.</summary>
    public static IResult ServerError(HttpRequest request, int statusCode) =>
        statusCode == StatusCodes.Status502BadGateway
            ? Results.Content("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
                "text/html", statusCode: statusCode)
            : NewApiErrors.UpstreamError(statusCode);
}
