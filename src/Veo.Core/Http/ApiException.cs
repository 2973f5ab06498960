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

    private static string Describe(string route, HttpStatusCode status, string? code, string message, string? requestId)
    {
        var text = $"{route} answered {(int)status} {status}{(code is null ? "" : $" ({code})")}: {message}";
        var hint = status switch
        {
            HttpStatusCode.Unauthorized => " Check the API key (Connect-Veo -ApiKey, or the route's environment variable).",
            HttpStatusCode.PaymentRequired or HttpStatusCode.Forbidden => " The account may be out of quota or the key lacks access to this model.",
            (HttpStatusCode)429 => " The service is rate limiting; wait and try again.",
            _ => "",
        };
        return text + hint + (requestId is null ? "" : $" [request id {requestId}]");
    }
}
