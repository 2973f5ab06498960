using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>A refusal in Google's error shape, before it is written by whichever host serves it.</summary>
internal sealed record GoogleError(int Code, string Status, string Message, JsonArray? Details = null);

/// <summary>
/// Vertex AI takes an OAuth 2 access token as "Authorization: Bearer" and refuses anything else with 401
/// UNAUTHENTICATED, a google.rpc.ErrorInfo naming why: CREDENTIALS_MISSING without a token, ACCESS_TOKEN_TYPE_UNSUPPORTED
/// for one it cannot use (an API key sent as a token, say). The emulator's token is its key.
/// </summary>
internal static class VertexAuth
{
    private const string Guidance = "Expected OAuth 2 access token, login cookie or other valid authentication credential. " +
                                    "See https://developers.google.com/identity/sign-in/web/devconsole-project.";

    public static GoogleError? Refusal(string? authorization, string token, string method)
    {
        const string bearer = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization))
            return Unauthenticated("Request is missing required authentication credential. " + Guidance, "CREDENTIALS_MISSING", method);
        var offered = authorization!.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : null;
        return Wire.KeyEquals(offered, token)
            ? null
            : Unauthenticated("Request had invalid authentication credentials. " + Guidance, "ACCESS_TOKEN_TYPE_UNSUPPORTED", method);
    }

    private static GoogleError Unauthenticated(string message, string reason, string method) => new(401, "UNAUTHENTICATED", message, new JsonArray(new JsonObject
    {
        ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
        ["reason"] = reason,
        ["domain"] = "googleapis.com",
        ["metadata"] = new JsonObject { ["service"] = "aiplatform.googleapis.com", ["method"] = method },
    }));
}
