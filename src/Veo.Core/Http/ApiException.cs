using System.Net;

namespace Veo.Core.Http;

/// <summary>What a server said when it refused a call: status, its own error code and message, its request id.</summary>
public class ApiException : Exception
{
    public ApiException(string route, HttpStatusCode statusCode, string? errorCode, string serverMessage, string? requestId, TimeSpan? retryAfter = null)
        : base(Describe(route, statusCode, errorCode, serverMessage, requestId))
    {
        Route = route;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    public string Route { get; }
    public HttpStatusCode StatusCode { get; }
    public string? ErrorCode { get; }
    public string ServerMessage { get; }
    public string? RequestId { get; }
    public TimeSpan? RetryAfter { get; }

    /// <summary>On a create: the answer proves nothing was made and asks to try again later (429, 503, a gateway's own 5xx).</summary>
    public bool MaySendAgain { get; init; }

    /// <summary>
    /// The service refused the key itself: a 401 on the gateways, a 400 API_KEY_INVALID on the Gemini API. Every
    /// further call with it fails the same way.
    /// </summary>
    public bool IsKeyRefused => StatusCode == HttpStatusCode.Unauthorized || ErrorCode == "API_KEY_INVALID";

    private static string Describe(string route, HttpStatusCode status, string? code, string message, string? requestId)
    {
        var text = $"{route} answered {(int)status} {status}{(code is null ? "" : $" ({code})")}: {message}";
        var hint = status switch
        {
            _ when code == "API_KEY_INVALID" => " Check the API key (Connect-Veo -ApiKey, or the route's environment variable).",
            HttpStatusCode.Unauthorized => " Check the API key (Connect-Veo -ApiKey, or the route's environment variable).",
            HttpStatusCode.PaymentRequired or HttpStatusCode.Forbidden => " The account may be out of quota or the key lacks access to this model.",
            (HttpStatusCode)429 => " The service is rate limiting; wait and try again.",
            _ => "",
        };
        return text + hint + (requestId is null ? "" : $" [request id {requestId}]");
    }
}
