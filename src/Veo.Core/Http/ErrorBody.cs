using System.Text.Json;

namespace Veo.Core.Http;

/// <summary>
/// Reads an error answer in any shape the routes use: OpenAI/new-api {"error":{"message","code"}},
/// Google {"error":{"code":429,"message","status"}}, new-api {"success":false,"message"}, or plain text.
/// </summary>
internal static class ErrorBody
{
    public static (string? Code, string Message) Parse(string body)
    {
        var text = body.Trim();
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error))
                {
                    if (error.ValueKind == JsonValueKind.String) return (null, error.GetString() ?? "");
                    if (error.ValueKind == JsonValueKind.Object)
                        return (Reason(error) ?? error.Str("status") ?? error.Str("code"), error.Str("message") ?? error.GetRawText());
                }
                if (root.Str("message") is { Length: > 0 } message) return (root.Str("code"), message);
            }
        }
        catch (JsonException)
        {
        }
        return (null, text.Length == 0 ? "(empty body)" : Truncate(text));
    }

    /// <summary>
    /// Google's ErrorInfo reason (API_KEY_INVALID under a plain 400 INVALID_ARGUMENT) says more than the status:
    /// {"error":{"details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}.
    /// </summary>
    private static string? Reason(JsonElement error)
    {
        if (!error.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Array) return null;
        foreach (var detail in details.EnumerateArray())
            if (detail.ValueKind == JsonValueKind.Object && detail.Str("reason") is { Length: > 0 } reason) return reason;
        return null;
    }

    public static string Truncate(string text, int max = 300) => text.Length <= max ? text : text.Substring(0, max) + "...";
}
