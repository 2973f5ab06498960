using System.Text;

namespace Veo.Emulator;

/// <summary>
/// Splits a multipart/form-data body (RFC 7578 over RFC 2046 section 5.1) into its parts, in sending order. Written here
/// because the NuGet parsers either belong to ASP.NET Core (which the module must not carry) or bring a whole MIME stack;
/// the body is already in memory, so this is a search for delimiters. Null means the body is not well-formed.
/// </summary>
internal static class MultipartFormReader
{
    // What ASP.NET Core's MultipartReader allowed by default, so the emulator refuses what it refused.
    private const int MaxHeadersCount = 16;
    private const int MaxHeadersLength = 16 * 1024;

    private static readonly byte[] LineBreak = [(byte)'\r', (byte)'\n'];
    private static readonly byte[] HeadersEnd = [(byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n'];

    public static List<FormPart>? TryRead(byte[] body, string boundary)
    {
        if (boundary.Length == 0 || boundary.Length > 70) return null;
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var partDelimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);

        // The first delimiter opens the body or follows a preamble's line break.
        var position = body.Length >= delimiter.Length && StartsWith(body, 0, delimiter) ? 0 : IndexOf(body, partDelimiter, 0) is var p and >= 0 ? p + 2 : -1;
        if (position < 0) return null;

        var parts = new List<FormPart>();
        while (true)
        {
            position += delimiter.Length;
            if (StartsWith(body, position, [(byte)'-', (byte)'-'])) return parts;
            while (position < body.Length && (body[position] == ' ' || body[position] == '\t')) position++;
            if (!StartsWith(body, position, LineBreak)) return null;
            position += LineBreak.Length;

            int contentStart;
            string headerText;
            if (StartsWith(body, position, LineBreak))
            {
                headerText = "";
                contentStart = position + LineBreak.Length;
            }
            else
            {
                var headersEnd = IndexOf(body, HeadersEnd, position);
                if (headersEnd < 0 || headersEnd - position > MaxHeadersLength) return null;
                headerText = Encoding.UTF8.GetString(body, position, headersEnd - position);
                contentStart = headersEnd + HeadersEnd.Length;
            }

            var contentEnd = IndexOf(body, partDelimiter, contentStart);
            if (contentEnd < 0) return null;
            var part = ReadPart(headerText, Slice(body, contentStart, contentEnd));
            if (part is null) return null;
            parts.Add(part);
            position = contentEnd + LineBreak.Length;
        }
    }

    private static FormPart? ReadPart(string headerText, byte[] content)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = headerText.Length == 0 ? [] : headerText.Split(["\r\n"], StringSplitOptions.None);
        if (lines.Length > MaxHeadersCount) return null;
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) return null;
            headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }

        if (!headers.TryGetValue("Content-Disposition", out var dispositionText) || HeaderValue.TryParse(dispositionText) is not { } disposition)
            return null;
        var fileName = HeaderValue.DecodeExtValue(disposition.Parameter("filename*")) ?? disposition.Parameter("filename");
        return new FormPart(disposition.Parameter("name") ?? "", fileName,
            headers.TryGetValue("Content-Type", out var type) ? type : "", content);
    }

    private static bool StartsWith(byte[] bytes, int offset, byte[] prefix)
    {
        if (offset < 0 || offset + prefix.Length > bytes.Length) return false;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (bytes[offset + i] != prefix[i]) return false;
        }
        return true;
    }

    private static int IndexOf(byte[] bytes, byte[] needle, int start)
    {
        var found = bytes.AsSpan(start).IndexOf(needle);
        return found < 0 ? -1 : start + found;
    }

    private static byte[] Slice(byte[] bytes, int start, int end)
    {
        var slice = new byte[end - start];
        Buffer.BlockCopy(bytes, start, slice, 0, slice.Length);
        return slice;
    }
}
