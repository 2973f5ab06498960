using System.Text;

namespace Veo.Emulator;

/// <summary>
/// A header value of the form <c>token; name=value; name="quoted value"</c> (Content-Type, Content-Disposition),
/// read as RFC 9110 section 5.6 writes it: parameter names ignore case, quoted strings may escape with '\'.
/// </summary>
internal sealed class HeaderValue
{
    private readonly Dictionary<string, string> parameters;

    private HeaderValue(string value, Dictionary<string, string> parameters)
    {
        Value = value;
        this.parameters = parameters;
    }

    /// <summary>The part before the first ';', e.g. multipart/form-data or form-data.</summary>
    public string Value { get; }

    public string? Parameter(string name) => parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>Null when the text is not a value with well-formed parameters.</summary>
    public static HeaderValue? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var position = 0;
        var value = ReadToken(text!, ref position, allowSlash: true);
        if (value.Length == 0) return null;
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipSpace(text!, ref position);
            if (position == text!.Length) return new HeaderValue(value, parameters);
            if (text[position++] != ';') return null;
            SkipSpace(text, ref position);
            if (position == text.Length) return new HeaderValue(value, parameters);
            var name = ReadToken(text, ref position, allowSlash: false);
            SkipSpace(text, ref position);
            if (name.Length == 0 || position == text.Length || text[position++] != '=') return null;
            SkipSpace(text, ref position);
            var parameter = position < text.Length && text[position] == '"' ? ReadQuoted(text, ref position) : ReadToken(text, ref position, allowSlash: true);
            if (parameter is null) return null;
            if (!parameters.ContainsKey(name)) parameters[name] = parameter;
        }
    }

    /// <summary>An RFC 8187 ext-value (filename*=UTF-8''na%C3%AFve.png) decoded; null when it is not one.</summary>
    public static string? DecodeExtValue(string? text)
    {
        if (text is null) return null;
        var first = text.IndexOf('\'');
        var second = first < 0 ? -1 : text.IndexOf('\'', first + 1);
        if (second < 0) return null;
        var charset = text.Substring(0, first);
        try
        {
            var bytes = PercentDecode(text.Substring(second + 1));
            return Encoding.GetEncoding(charset.Length == 0 ? "utf-8" : charset).GetString(bytes);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static byte[] PercentDecode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (text[i] == '%')
            {
                throw new ArgumentException("Bad percent escape.");
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }
        return bytes.ToArray();
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && (text[position] == ' ' || text[position] == '\t')) position++;
    }

    private static string ReadToken(string text, ref int position, bool allowSlash)
    {
        var start = position;
        while (position < text.Length && IsTokenChar(text[position], allowSlash)) position++;
        return text.Substring(start, position - start);
    }

    // RFC 9110 tchar; '/' joins type and subtype, and is common unquoted in parameter values.
    private static bool IsTokenChar(char c, bool allowSlash) =>
        c > ' ' && c < 127 && "\"(),:;<=>?@[\\]{}".IndexOf(c) < 0 && (allowSlash || c != '/');

    private static string? ReadQuoted(string text, ref int position)
    {
        var value = new StringBuilder();
        for (position++; position < text.Length; position++)
        {
            var c = text[position];
            if (c == '"')
            {
                position++;
                return value.ToString();
            }
            if (c == '\\' && position + 1 < text.Length) c = text[++position];
            value.Append(c);
        }
        return null;
    }
}
