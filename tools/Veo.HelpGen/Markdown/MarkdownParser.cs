using System.Text.RegularExpressions;

namespace Veo.HelpGen.Markdown;

public enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Code,
    Table,
}

/// <summary>One block of a markdown file; <see cref="Line"/> is 1-based, for messages that point at the source.</summary>
public sealed record Block(BlockKind Kind, string Text, int Line, int Level = 0, string Language = "");

public sealed record MarkdownFile(IReadOnlyDictionary<string, string> FrontMatter, IReadOnlyList<Block> Blocks);

/// <summary>A markdown file the parser cannot read (an unclosed code fence); the line says where.</summary>
public sealed class MarkdownFormatException : Exception
{
    public MarkdownFormatException(int line, string message) : base(message) => Line = line;

    public int Line { get; }
}

/// <summary>
/// The subset of markdown that help is written in: front matter, ATX headings, paragraphs, list items,
/// fenced code and pipe tables. Enough for the platyPS layout; anything else reads as a paragraph.
/// </summary>
public static class MarkdownParser
{
    private static readonly Regex Heading = new(@"^(#{1,6})\s+(.*?)\s*#*\s*$", RegexOptions.Compiled);
    private static readonly Regex ListMarker = new(@"^\s*(?:[-*+]|\d+[.)])\s+(.*)$", RegexOptions.Compiled);

    public static MarkdownFile Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var front = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            for (i = 1; i < lines.Length && lines[i].Trim() != "---"; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0) front[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
            if (i == lines.Length) throw new MarkdownFormatException(1, "The front matter that opens with '---' is never closed.");
            i++;
        }

        var blocks = new List<Block>();
        var pending = new List<string>();
        var pendingKind = BlockKind.Paragraph;
        var pendingLine = 0;

        void Flush()
        {
            if (pending.Count > 0)
                blocks.Add(new Block(pendingKind, string.Join(pendingKind == BlockKind.Table ? "\n" : " ", pending), pendingLine));
            pending.Clear();
        }

        void Start(BlockKind kind, int line, string first)
        {
            Flush();
            pendingKind = kind;
            pendingLine = line;
            pending.Add(first);
        }

        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            var number = i + 1;
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                var fence = trimmed.Substring(0, trimmed.Length - trimmed.TrimStart('`').Length);
                var body = new List<string>();
                for (i++; i < lines.Length && !lines[i].Trim().StartsWith(fence, StringComparison.Ordinal); i++) body.Add(lines[i]);
                if (i == lines.Length) throw new MarkdownFormatException(number, "This code fence is never closed.");
                blocks.Add(new Block(BlockKind.Code, string.Join("\n", body), number, Language: trimmed.Substring(fence.Length).Trim()));
                continue;
            }
            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }
            var heading = Heading.Match(line);
            if (heading.Success)
            {
                Flush();
                blocks.Add(new Block(BlockKind.Heading, heading.Groups[2].Value, number, heading.Groups[1].Length));
                continue;
            }
            if (trimmed.StartsWith("|", StringComparison.Ordinal))
            {
                if (pendingKind == BlockKind.Table && pending.Count > 0) pending.Add(trimmed);
                else Start(BlockKind.Table, number, trimmed);
                continue;
            }
            var item = ListMarker.Match(line);
            if (item.Success)
            {
                Start(BlockKind.ListItem, number, item.Groups[1].Value.Trim());
                continue;
            }
            if (pending.Count == 0 || pendingKind == BlockKind.Table) Start(BlockKind.Paragraph, number, trimmed);
            else pending.Add(trimmed);
        }
        Flush();
        return new MarkdownFile(front, blocks);
    }
}
