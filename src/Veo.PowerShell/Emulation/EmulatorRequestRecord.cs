using System.Collections;
using System.Management.Automation;
using System.Text.Json;
using Veo.Emulator;

namespace Veo.PowerShell.Emulation;

/// <summary>
/// One request the session sent to the emulator, as a test asserts on it: Fields and Headers are hashtables
/// (<c>$r.Fields.prompt</c>), Json is the JSON body as objects (<c>$r.Json.instances[0].prompt</c>). Keys are never shown.
/// </summary>
public sealed class VeoEmulatorRequest
{
    private static readonly string[] KeyHeaders = ["Authorization", "x-goog-api-key"];

    internal VeoEmulatorRequest(RecordedRequest request)
    {
        Method = request.Method;
        Path = request.Path;
        Query = request.Query;
        StatusCode = request.StatusCode;
        Headers = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
            Headers[header.Key] = KeyHeaders.Contains(header.Key, StringComparer.OrdinalIgnoreCase) ? "(redacted)" : header.Value;
        Fields = new Hashtable(StringComparer.OrdinalIgnoreCase);
        // A repeated field keeps its first value here; FieldList has every one in order.
        foreach (var field in request.Fields.Reverse()) Fields[field.Key] = field.Value;
        FieldList = request.Fields.Select(f => new PSObject(new { Name = f.Key, f.Value })).ToArray();
        Files = request.Files.ToArray();
        Body = request.JsonBody;
        Json = request.JsonBody is null ? null : JsonToPowerShell.Parse(request.JsonBody);
    }

    public string Method { get; }
    public string Path { get; }
    public string Query { get; }
    /// <summary>What the emulator answered; 0 when it dropped the connection instead.</summary>
    public int StatusCode { get; }
    public Hashtable Headers { get; }
    /// <summary>The text fields of a multipart form by name.</summary>
    public Hashtable Fields { get; }
    public PSObject[] FieldList { get; }
    /// <summary>The file parts of a multipart form: field name, file name, content type, length and SHA-256.</summary>
    public RecordedFile[] Files { get; }
    /// <summary>The JSON body as text; null for any other body.</summary>
    public string? Body { get; }
    /// <summary>The JSON body as PowerShell objects (as ConvertFrom-Json gives them); null for any other body.</summary>
    public object? Json { get; }
}

/// <summary>JSON to what ConvertFrom-Json gives: PSCustomObjects, object arrays, strings, numbers, booleans and nulls.</summary>
internal static class JsonToPowerShell
{
    public static object? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Convert(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object? Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new PSObject();
                foreach (var property in element.EnumerateObject()) result.Properties.Add(new PSNoteProperty(property.Name, Convert(property.Value)));
                return result;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(Convert).ToArray();
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var whole) ? whole : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
