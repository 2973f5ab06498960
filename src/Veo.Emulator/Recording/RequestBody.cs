using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

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
    private static readonly object ItemKey = new();

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

    public static RequestBody Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var body) ? (RequestBody)body! : Empty;

    public static async Task<RequestBody> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.ToArray();
        context.Request.Body = new MemoryStream(bytes, writable: false);

        var body = Parse(bytes, context.Request.ContentType);
        context.Items[ItemKey] = body;
        return body;
    }

    private static RequestBody Parse(byte[] bytes, string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)) return new(bytes, null, false, null);

        if (mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
            var parts = string.IsNullOrEmpty(boundary) ? null : TryReadParts(bytes, boundary);
            return new(bytes, parts, parts is null, null);
        }

        var isJson = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                     || mediaType.MediaType.Value!.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        return new(bytes, null, false, isJson ? Encoding.UTF8.GetString(bytes) : null);
    }

    private static List<FormPart>? TryReadParts(byte[] bytes, string boundary)
    {
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(bytes));
            var parts = new List<FormPart>();
            // Reading from memory completes synchronously; the async API is the only one MultipartReader has.
            while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) return null;
                using var content = new MemoryStream();
                section.Body.CopyTo(content);
                var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value
                    : disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null;
                parts.Add(new FormPart(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "", fileName,
                    section.ContentType ?? "", content.ToArray()));
            }
            return parts;
        }
        catch (IOException)
        {
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
