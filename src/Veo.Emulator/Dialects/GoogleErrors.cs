using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>Errors in Google's shape: {"error":{"code":400,"message","status":"INVALID_ARGUMENT","details"?}}.</summary>
internal static class GoogleErrors
{
    public static EmulatorResponse Error(int code, string status, string message, JsonArray? details = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status };
        if (details is not null) error["details"] = details;
        return Wire.Json(new JsonObject { ["error"] = error }, code);
    }

    public static EmulatorResponse InvalidArgument(string message) => Error(400, "INVALID_ARGUMENT", message);

    public static EmulatorResponse NotFound(string message = "Requested entity was not found.") => Error(404, "NOT_FOUND", message);

    /// <summary>
    /// Checks x-goog-api-key (or ?key=) and answers as Google does: a wrong key is a 400 API_KEY_INVALID,
    /// no key is a 403, and a Bearer token instead of a key is a 401.
    /// </summary>
    public static EmulatorResponse? RejectUnlessAuthorized(EmulatorRequest request, string apiKey)
    {
        var offered = request.Header("x-goog-api-key") ?? request.Query("key");
        if (offered is null)
        {
            return request.HasHeader("Authorization")
                ? Error(401, "UNAUTHENTICATED",
                    "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.")
                : Error(403, "PERMISSION_DENIED",
                    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
        }
        return Wire.KeyEquals(offered, apiKey)
            ? null
            : Error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                ["reason"] = "API_KEY_INVALID",
                ["domain"] = "googleapis.com",
                ["metadata"] = new JsonObject { ["service"] = "generativelanguage.googleapis.com" },
            }));
    }

    public static EmulatorResponse ResourceExhausted(TimeSpan? retryAfter) =>
        Error(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota, please check your plan and billing details.",
            retryAfter is { } delay
                ? new JsonArray(new JsonObject
                {
                    ["@type"] = "type.googleapis.com/google.rpc.RetryInfo",
                    ["retryDelay"] = $"{(int)Math.Ceiling(delay.TotalSeconds)}s",
                })
                : null);

    /// <summary>
    /// Google answers both a spent per-minute quota and too many running operations with 429 RESOURCE_EXHAUSTED; the
    /// RetryInfo retryDelay says when a create would pass (python-genai's errors read error.details the same way).
    /// </summary>
    public static EmulatorResponse QuotaRefused(QuotaRefusal refusal) => ResourceExhausted(refusal.RetryAfter);

    public static EmulatorResponse ServerError(int code) => code == 503
        ? Error(code, "UNAVAILABLE", "The model is overloaded. Please try again later.")
        : Error(code, "INTERNAL", "An internal error has occurred. Please retry or report the problem.");
}
