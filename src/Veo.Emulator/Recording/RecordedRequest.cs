namespace Veo.Emulator;

/// <summary>
/// One request as the emulator received it, and the status it answered (0 when the connection was dropped instead).
/// Fields and Files hold the multipart values; Parts keeps every part in the order it was sent, text and files interleaved.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<RecordedFile> Files,
    string? JsonBody,
    int StatusCode)
{
    public IReadOnlyList<RecordedPart> Parts { get; init; } = [];
}

/// <summary>A file part of a multipart request.</summary>
public sealed record RecordedFile(string FieldName, string FileName, string ContentType, long Length, string Sha256);

/// <summary>A multipart part in sending order: its name, its filename (null for a text part) and its own Content-Type ("" when it had none).</summary>
public sealed record RecordedPart(string Name, string? FileName, string ContentType, long Length);
