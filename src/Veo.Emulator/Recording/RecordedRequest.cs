namespace Veo.Emulator;

/// <summary>One request as the emulator received it, and the status it answered (0 when the connection was dropped instead).</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<RecordedFile> Files,
    string? JsonBody,
    int StatusCode);

/// <summary>A file part of a multipart request.</summary>
public sealed record RecordedFile(string FieldName, string FileName, string ContentType, long Length, string Sha256);
