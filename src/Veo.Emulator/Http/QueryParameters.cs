namespace Veo.Emulator;

/// <summary>Reads a query string as a form: name=value pairs split on '&amp;', percent-decoded, '+' a space; the first value wins.</summary>
internal static class QueryParameters
{
    public static Dictionary<string, string> Parse(string queryString)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in queryString.Split('&'))
        {
            if (pair.Length == 0) continue;
            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair.Substring(0, equals));
            var value = equals < 0 ? "" : Decode(pair.Substring(equals + 1));
            if (!values.ContainsKey(name)) values[name] = value;
        }
        return values;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
