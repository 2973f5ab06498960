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
                        return (error.Str("status") ?? error.Str("code"), error.Str("message") ?? error.GetRawText());
                }
                if (root.Str("message") is { Length: > 0 } message) return (root.Str("code"), message);
            }
        }
        catch (JsonException)
        {
        }
        return (null, text.Length == 0 ? "(empty body)" : Truncate(text));
    }

    public static string Truncate(string text, int max = 300) => text.Length <= max ? text : text.Substring(0, max) + "...";
}
