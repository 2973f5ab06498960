using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Veo.HelpGen.Markdown;

public enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Code,
    Table,
}

/// <summary>
/// One block of a page, flattened for help: a heading, paragraph or list item holds its text as a console shows
/// it (no bold, a web link as "text (address)"), code and tables their source. <see cref="Line"/> is 1-based.
/// </summary>
public sealed record Block(BlockKind Kind, string Text, int Line, int Level = 0, string Language = "")
{
    /// <summary>The [text](address) links of a paragraph or list item, in order.</summary>
    public IReadOnlyList<(string Text, string Uri)> Links { get; init; } = Array.Empty<(string, string)>();
}

public sealed record MarkdownFile(IReadOnlyDictionary<string, string> FrontMatter, IReadOnlyList<Block> Blocks);

/// <summary>
/// Markdown read by Markdig (CommonMark, with the yaml front matter and pipe tables platyPS pages use), as the
/// sequence of blocks help is made of. What Markdig accepts silently but help cannot use is a diagnostic.
/// </summary>
public static class MarkdownParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    public static MarkdownFile Parse(string text, Action<int, string> error)
    {
        text = text.Replace("\r\n", "\n");
        var document = Markdig.Markdown.Parse(text, Pipeline);
        var blocks = new List<Block>();
        var front = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in document)
        {
            var line = block.Line + 1;
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    ReadFrontMatter(yaml.Lines.ToString(), line, front, error);
                    break;
                case HeadingBlock heading:
                    blocks.Add(Inline(BlockKind.Heading, heading.Inline, line) with { Level = heading.Level });
                    break;
                case FencedCodeBlock code:
                    if (code.ClosingFencedCharCount == 0) error(line, "This code fence is never closed.");
                    blocks.Add(new Block(BlockKind.Code, code.Lines.ToString().TrimEnd('\n'), line, Language: code.Info ?? ""));
                    break;
                case Table:
                    blocks.Add(new Block(BlockKind.Table, string.Join("\n", Source(text, block).Split('\n').Select(l => l.Trim())), line));
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var paragraphs = item.Descendants<ParagraphBlock>().Select(p => Inline(BlockKind.ListItem, p.Inline, item.Line + 1)).ToList();
                        blocks.Add(new Block(BlockKind.ListItem, string.Join(" ", paragraphs.Select(p => p.Text)), item.Line + 1) { Links = paragraphs.SelectMany(p => p.Links).ToList() });
                    }
                    break;
                case ParagraphBlock paragraph:
                    blocks.Add(Inline(BlockKind.Paragraph, paragraph.Inline, line));
                    break;
                default:
                    // A quote, an indented code block, raw HTML: help has no such thing, so it reads as a paragraph.
                    blocks.Add(new Block(BlockKind.Paragraph, string.Join(" ", Source(text, block).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), line));
                    break;
            }
        }
        return new MarkdownFile(front, blocks);
    }

    private static string Source(string text, Markdig.Syntax.Block block) => text.Substring(block.Span.Start, block.Span.Length);

    private static void ReadFrontMatter(string yaml, int line, Dictionary<string, string> front, Action<int, string> error)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode mapping) return;
            foreach (var (key, value) in mapping.Children)
                front[key.ToString()] = (value as YamlScalarNode)?.Value ?? "";
        }
        catch (YamlException e)
        {
            error(line + (int)e.Start.Line, $"The front matter is not yaml: {e.Message}");
        }
    }

    private static Block Inline(BlockKind kind, ContainerInline? inline, int line)
    {
        var text = new StringBuilder();
        var links = new List<(string, string)>();
        Flatten(inline, text, links);
        return new Block(kind, string.Join(" ", text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), line) { Links = links };
    }

    private static void Flatten(ContainerInline? container, StringBuilder text, List<(string, string)> links)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline link when !link.IsImage:
                    var words = new StringBuilder();
                    Flatten(link, words, links);
                    links.Add((words.ToString(), link.Url ?? ""));
                    text.Append(IsAbsolute(link.Url) ? $"{words} ({link.Url})" : words.ToString());
                    break;
                case ContainerInline children:
                    Flatten(children, text, links);
                    break;
                case CodeInline code:
                    text.Append('`').Append(code.Content).Append('`');
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content);
                    break;
                case HtmlInline html:
                    text.Append(html.Tag);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded);
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }
    }

    public static bool IsAbsolute(string? uri) => Uri.TryCreate(uri, UriKind.Absolute, out var u) && (u.Scheme == "http" || u.Scheme == "https");
}
