using System.Text;

namespace Veo.HelpGen;

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
        void Error(int line, string message) => diagnostics.Add(new Diagnostic(path, line, message));
        var errors = diagnostics.Count;
        var blocks = MarkdownParser.Parse(markdown, Error).Blocks;
        var name = Path.GetFileNameWithoutExtension(path);
        if (diagnostics.Count > errors) return null;
        if (blocks is not [{ Kind: BlockKind.Heading, Level: 1 } title, ..] || !title.Text.Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            Error(blocks.FirstOrDefault()?.Line ?? 1, $"An about topic starts with '# {name}', the name of its file.");
        // Get-Help takes line 5 of the text as the synopsis: TOPIC, the name, a blank, SHORT DESCRIPTION, then this.
        else if (blocks is not [_, { Kind: BlockKind.Heading, Level: 2 } section, { Kind: BlockKind.Paragraph }, ..]
                 || !section.Text.Trim().Equals("SHORT DESCRIPTION", StringComparison.OrdinalIgnoreCase))
            Error(blocks[0].Line, "An about topic goes on with '## SHORT DESCRIPTION' and one paragraph under it: Get-Help shows it as the synopsis.");
        if (diagnostics.Count > errors) return null;

        var text = new StringBuilder($"TOPIC\n    {blocks[0].Text.Trim()}\n");
        for (var i = 1; i < blocks.Count; i++)
        {
            var (block, previous) = (blocks[i], blocks[i - 1]);
            // A blank line between blocks, except right under a heading and between the items of one list.
            if (block.Kind == BlockKind.Heading || previous.Kind != BlockKind.Heading && !(previous.Kind == BlockKind.ListItem && block.Kind == BlockKind.ListItem)) text.Append('\n');
            text.Append(block switch
            {
                { Kind: BlockKind.Heading, Level: <= 2 } => block.Text.Trim().ToUpperInvariant() + "\n",
                { Kind: BlockKind.Heading } => $"  {block.Text}\n",
                { Kind: BlockKind.Code or BlockKind.Table } => string.Concat(block.Text.Split('\n').Select(l => (l.Length == 0 ? "" : block.Kind == BlockKind.Code ? "        " : "    ") + l + "\n")),
                { Kind: BlockKind.ListItem } => Wrap("- " + block.Text, "    ", "      "),
                // The short description stays on one line: Get-Help reads the fifth line as the topic's synopsis.
                _ when i == 2 => $"    {block.Text}\n",
                _ => Wrap(block.Text, "    ", "    "),
            });
        }
        return text.ToString();
    }

    /// <summary>Greedy word wrap; a word longer than the line (a URL) gets a line of its own.</summary>
    private static string Wrap(string paragraph, string firstIndent, string indent)
    {
        var lines = new List<string> { firstIndent };
        foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (lines[^1].Length == (lines.Count == 1 ? firstIndent : indent).Length) lines[^1] += word;
            else if (lines[^1].Length + 1 + word.Length > Width) lines.Add(indent + word);
            else lines[^1] += " " + word;
        return string.Join("\n", lines) + "\n";
    }
}
