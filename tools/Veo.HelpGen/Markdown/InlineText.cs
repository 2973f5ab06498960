using System.Text.RegularExpressions;

namespace Veo.HelpGen.Markdown;

/// <summary>Inline markdown as help text shows it: a console has no links or bold.</summary>
public static class InlineText
{
    private static readonly Regex Link = new(@"\[([^\]]+)\]\(([^)\s]*)\)", RegexOptions.Compiled);
    private static readonly Regex Bold = new(@"(\*\*|__)(.+?)\1", RegexOptions.Compiled);

    /// <summary>[text](https://x) becomes "text (https://x)"; a link to a sibling page keeps only its text.</summary>
    public static string Plain(string markdown)
    {
        var text = Link.Replace(markdown, m => IsAbsolute(m.Groups[2].Value) ? $"{m.Groups[1].Value} ({m.Groups[2].Value})" : m.Groups[1].Value);
        return Bold.Replace(text, m => m.Groups[2].Value);
    }

    /// <summary>Every [text](uri) of a line, in order.</summary>
    public static IEnumerable<(string Text, string Uri)> Links(string markdown) =>
        Link.Matches(markdown).Cast<Match>().Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    public static bool IsAbsolute(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var u) && (u.Scheme == "http" || u.Scheme == "https");
}
