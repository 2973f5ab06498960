using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Veo.HelpGen;

public enum BlockKind { Heading, Paragraph, ListItem, Code, Table }

/// <summary>
/// One block of a page, flattened for help: a heading, paragraph or list item holds its text as a console shows
/// it (no bold, a web link as "text (address)"), code and tables their source. <see cref="Line"/> is 1-based.
/// </summary>
public sealed record Block(BlockKind Kind, string Text, int Line, int Level = 0, string Language = "")
{
    /// <summary>The [text](address) links of a paragraph or list item, in order.</summary>
    public IReadOnlyList<(string Text, string Uri)> Links { get; init; } = [];
}

public sealed record MarkdownFile(IReadOnlyDictionary<string, string> FrontMatter, IReadOnlyList<Block> Blocks);

/// <summary>
/// Markdown read by Markdig (CommonMark, with the yaml front matter and pipe tables platyPS pages use), as the
/// sequence of blocks help is made of; yaml read by YamlDotNet. What help cannot use is a diagnostic naming its line.
/// </summary>
public static class MarkdownParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    public static MarkdownFile Parse(string text, Action<int, string> error)
    {
        text = text.Replace("\r\n", "\n");
        string Source(Markdig.Syntax.Block block) => text.Substring(block.Span.Start, block.Span.Length);
        var document = Markdig.Markdown.Parse(text, Pipeline);
        var front = document.OfType<YamlFrontMatterBlock>().SelectMany(y => Mapping(y.Lines.ToString(), y.Line + 1, error, "The front matter is not yaml") ?? [])
            .DistinctBy(e => e.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(e => e.Key, e => e.Value ?? "", StringComparer.OrdinalIgnoreCase);
        foreach (var unclosed in document.OfType<FencedCodeBlock>().Where(c => c.ClosingFencedCharCount == 0))
            error(unclosed.Line + 1, "This code fence is never closed.");
        IEnumerable<Block> Read(Markdig.Syntax.Block block, int line) => block switch
        {
            YamlFrontMatterBlock => [],
            HeadingBlock heading => [Inline(BlockKind.Heading, [heading.Inline], line) with { Level = heading.Level }],
            FencedCodeBlock code => [new Block(BlockKind.Code, code.Lines.ToString().TrimEnd('\n'), line, Language: code.Info ?? "")],
            Table => [new Block(BlockKind.Table, string.Join("\n", Source(block).Split('\n').Select(l => l.Trim())), line)],
            ListBlock list => list.OfType<ListItemBlock>().Select(item => Inline(BlockKind.ListItem, item.Descendants<ParagraphBlock>().Select(p => p.Inline), item.Line + 1)),
            ParagraphBlock paragraph => [Inline(BlockKind.Paragraph, [paragraph.Inline], line)],
            // A quote, an indented code block, raw HTML: help has no such thing, so it reads as a paragraph.
            _ => [new Block(BlockKind.Paragraph, OneLine(Source(block)), line)],
        };
        return new MarkdownFile(front, document.SelectMany(block => Read(block, block.Line + 1)).ToList());
    }

    /// <summary>A yaml mapping's entries with their page lines (<paramref name="line"/> is the block's first); a value is null when it is not a scalar.</summary>
    public static List<(string Key, string? Value, int Line)>? Mapping(string yaml, int line, Action<int, string> error, string notYaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return (stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode)?.Children
                .Select(c => (c.Key.ToString(), (c.Value as YamlScalarNode)?.Value, line + (int)c.Key.Start.Line)).ToList() ?? [];
        }
        catch (YamlException e)
        {
            error(line + (int)e.Start.Line, $"{notYaml}: {e.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1 throws this, not a YamlException, for a flow sequence or map still open at the end ("Type: [a, b").
            error(line, $"{notYaml}: it ends inside an unclosed '[' or '{{'.");
            return null;
        }
    }

    public static string OneLine(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static bool IsAbsolute(string? uri) => Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.Scheme is "http" or "https";

    private static Block Inline(BlockKind kind, IEnumerable<ContainerInline?> inlines, int line)
    {
        var links = new List<(string, string)>();
        string Flatten(IEnumerable<Inline>? inlines) => string.Concat(inlines?.Select(inline => inline switch
        {
            LinkInline { IsImage: false } link => Link(Flatten(link), link.Url),
            ContainerInline children => Flatten(children),
            CodeInline code => $"`{code.Content}`",
            LiteralInline literal => literal.Content.ToString(),
            HtmlInline html => html.Tag,
            HtmlEntityInline entity => entity.Transcoded.ToString(),
            AutolinkInline autolink => autolink.Url,
            LineBreakInline => " ",
            _ => "",
        }) ?? []);
        string Link(string words, string? uri)
        {
            links.Add((words, uri ?? ""));
            return IsAbsolute(uri) ? $"{words} ({uri})" : words;
        }
        return new Block(kind, OneLine(string.Join(" ", inlines.Select(Flatten))), line) { Links = links };
    }
}
