using System.Text;

namespace Veo.Emulator;

/// <summary>A multipart part in the order it was sent; a part with a filename is a file.</summary>
internal sealed record FormPart(string Name, string? FileName, string ContentType, byte[] Content)
{
    public bool IsFile => FileName is not null;

    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>The request body, read once by the pipeline so the log and the endpoints see the same bytes.</summary>
internal sealed class RequestBody
{
    /// <summary>Room for three 20 MB reference images plus the form, so size limits are answered by our rules.</summary>
    public const long MaxBytes = 100 * 1024 * 1024;

    public static readonly RequestBody Empty = new([], null, false, null);

    private RequestBody(byte[] bytes, IReadOnlyList<FormPart>? parts, bool malformedMultipart, string? json)
    {
        Bytes = bytes;
        Parts = parts;
        MalformedMultipart = malformedMultipart;
        Json = json;
    }

    public byte[] Bytes { get; }

    /// <summary>The parts of a multipart/form-data body; null for any other body.</summary>
    public IReadOnlyList<FormPart>? Parts { get; }

    public bool MalformedMultipart { get; }

    /// <summary>The text of a JSON body; null for any other body.</summary>
    public string? Json { get; }

    /// <summary>Reads the body; null when it is longer than <see cref="MaxBytes"/>.</summary>
    public static async Task<RequestBody?> ReadAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return Parse(buffer.ToArray(), request.ContentType);
    }

    private static RequestBody Parse(byte[] bytes, string? contentType)
    {
        if (HeaderValue.TryParse(contentType) is not { } mediaType) return new(bytes, null, false, null);

        if (mediaType.Value.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = mediaType.Parameter("boundary");
            var parts = string.IsNullOrEmpty(boundary) ? null : MultipartFormReader.TryRead(bytes, boundary!);
            return new(bytes, parts, parts is null, null);
        }

        var isJson = mediaType.Value.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                     || mediaType.Value.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        return new(bytes, null, false, isJson ? Encoding.UTF8.GetString(bytes) : null);
    }
}
