using System.Text;
using Veo.HelpGen.Docs;
using Veo.HelpGen.Markdown;

namespace Veo.HelpGen.Output;

/// <summary>
/// docs/about_X.md to about_X.help.txt, in the layout of PowerShell's own about topics: TOPIC, then each
/// "## SECTION" in capitals at the margin, "###" subheadings indented 2, text wrapped at 80 columns and
/// indented 4, code indented 8. Get-Help takes the topic's synopsis from the line after SHORT DESCRIPTION.
/// </summary>
public static class AboutTopicWriter
{
    private const int Width = 80;

    public static string? Write(string path, string markdown, ICollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count;
        var file = MarkdownParser.Parse(markdown, (line, message) => diagnostics.Add(new Diagnostic(path, line, message)));
        if (diagnostics.Count > errors) return null;
        var expected = Path.GetFileNameWithoutExtension(path);
        var title = file.Blocks.FirstOrDefault();
        if (title is not { Kind: BlockKind.Heading, Level: 1 } || !title.Text.Trim().Equals(expected, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(new Diagnostic(path, title?.Line ?? 1, $"An about topic starts with '# {expected}', the name of its file."));
            return null;
        }
        // Get-Help takes line 5 of the text as the synopsis: TOPIC, the name, a blank, SHORT DESCRIPTION, then this.
        var shortDescription = file.Blocks.Count > 2 && IsSection(file.Blocks[1], "SHORT DESCRIPTION") ? file.Blocks[2] : null;
        if (shortDescription is not { Kind: BlockKind.Paragraph })
        {
            diagnostics.Add(new Diagnostic(path, title.Line, "An about topic goes on with '## SHORT DESCRIPTION' and one paragraph under it: Get-Help shows it as the synopsis."));
            return null;
        }

        var text = new StringBuilder();
        text.Append("TOPIC\n").Append("    ").Append(title.Text.Trim()).Append('\n');
        Block previous = title;
        foreach (var block in file.Blocks.Skip(1))
        {
            // A blank line between blocks, except right under a heading and between the items of one list.
            var spaced = previous.Kind != BlockKind.Heading && !(previous.Kind == BlockKind.ListItem && block.Kind == BlockKind.ListItem);
            if (block.Kind == BlockKind.Heading || spaced) text.Append('\n');
            switch (block)
            {
                case { Kind: BlockKind.Heading, Level: <= 2 }:
                    text.Append(block.Text.Trim().ToUpperInvariant()).Append('\n');
                    break;
                case { Kind: BlockKind.Heading }:
                    text.Append("  ").Append(block.Text).Append('\n');
                    break;
                case { Kind: BlockKind.Code }:
                    foreach (var line in block.Text.Split('\n')) text.Append(line.Length == 0 ? "" : "        " + line).Append('\n');
                    break;
                case { Kind: BlockKind.Table }:
                    foreach (var line in block.Text.Split('\n')) text.Append("    ").Append(line).Append('\n');
                    break;
                case { Kind: BlockKind.ListItem }:
                    Wrap(text, "- " + block.Text, "    ", "      ");
                    break;
                default:
                    // Get-Help reads the fifth line as the topic's synopsis, so the short description stays on one line.
                    if (ReferenceEquals(block, shortDescription)) text.Append("    ").Append(block.Text).Append('\n');
                    else Wrap(text, block.Text, "    ", "    ");
                    break;
            }
            previous = block;
        }
        return text.ToString();
    }

    private static bool IsSection(Block block, string name) =>
        block.Kind == BlockKind.Heading && block.Level == 2 && block.Text.Trim().Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Greedy word wrap; a word longer than the line (a URL) gets a line of its own.</summary>
    private static void Wrap(StringBuilder text, string paragraph, string firstIndent, string indent)
    {
        var line = new StringBuilder(firstIndent);
        var empty = true;
        foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(indent);
                empty = true;
            }
            if (!empty) line.Append(' ');
            line.Append(word);
            empty = false;
        }
        text.Append(line).Append('\n');
    }
}
