using Veo.HelpGen.Markdown;

namespace Veo.HelpGen.Docs;

/// <summary>
/// Reads a cmdlet page in the platyPS layout: # Name, then ## SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES,
/// PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS. Whatever is missing or malformed becomes a diagnostic
/// that names the line; the page read so far is still returned so one run reports every problem.
/// </summary>
public static class CommandDocReader
{
    public const string CommonParameters = "CommonParameters";

    private static readonly string[] Sections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };
    private static readonly string[] Required = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS" };

    public static CommandDoc Read(string path, string text, ICollection<Diagnostic> diagnostics)
    {
        void Error(int line, string message) => diagnostics.Add(new Diagnostic(path, line, message));

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(Output.PageScaffold.Placeholder))
                Error(i + 1, $"A placeholder is left: {lines[i].Trim()}");
        }

        var file = MarkdownParser.Parse(text, Error);

        var title = file.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading && b.Level == 1);
        if (title is null) Error(1, "The page has no '# Cmdlet-Name' title.");
        var sections = SplitSections(file.Blocks, Error);
        foreach (var missing in Required.Where(s => !sections.ContainsKey(s)))
            Error(title?.Line ?? 1, $"The page has no '## {missing}' section.");

        IReadOnlyList<Block> Section(string name) => sections.TryGetValue(name, out var blocks) ? blocks : Array.Empty<Block>();

        var synopsis = string.Join(" ", Paragraphs(Section("SYNOPSIS")));
        if (sections.ContainsKey("SYNOPSIS") && synopsis.Length == 0) Error(HeadingLine(file, "SYNOPSIS"), "## SYNOPSIS is empty.");
        var description = Paragraphs(Section("DESCRIPTION"));
        if (sections.ContainsKey("DESCRIPTION") && description.Count == 0) Error(HeadingLine(file, "DESCRIPTION"), "## DESCRIPTION is empty.");

        file.FrontMatter.TryGetValue("online version", out var online);
        return new CommandDoc(
            path,
            title?.Text.Trim() ?? "",
            title?.Line ?? 1,
            synopsis,
            description,
            ReadSyntax(Section("SYNTAX"), Error),
            ReadExamples(Section("EXAMPLES"), Error),
            ReadParameters(Section("PARAMETERS"), Error),
            ReadTypes(Section("INPUTS")),
            ReadTypes(Section("OUTPUTS")),
            Paragraphs(Section("NOTES")),
            ReadLinks(Section("RELATED LINKS")),
            string.IsNullOrWhiteSpace(online) ? null : online);
    }

    /// <summary>Paragraphs as help shows them: list items kept as "- item", code verbatim.</summary>
    public static IReadOnlyList<string> Paragraphs(IEnumerable<Block> blocks) => blocks
        .Where(b => b.Kind != BlockKind.Heading)
        .Select(b => b.Kind switch
        {
            BlockKind.ListItem => "- " + b.Text,
            _ => b.Text,
        })
        .Where(p => p.Trim().Length > 0)
        .ToList();

    private static Dictionary<string, IReadOnlyList<Block>> SplitSections(IReadOnlyList<Block> blocks, Action<int, string> error)
    {
        var sections = new Dictionary<string, IReadOnlyList<Block>>(StringComparer.OrdinalIgnoreCase);
        List<Block>? current = null;
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Heading && block.Level <= 2)
            {
                current = null;
                if (block.Level == 1) continue;
                var name = block.Text.Trim().ToUpperInvariant();
                if (!Sections.Contains(name)) error(block.Line, $"'## {block.Text}' is not a section of a cmdlet page; use {string.Join(", ", Sections.Select(s => "## " + s))}.");
                else if (sections.ContainsKey(name)) error(block.Line, $"'## {name}' appears twice.");
                else sections[name] = current = new List<Block>();
                continue;
            }
            current?.Add(block);
        }
        return sections;
    }

    private static int HeadingLine(MarkdownFile file, string section) =>
        file.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading && b.Level == 2 && b.Text.Trim().Equals(section, StringComparison.OrdinalIgnoreCase))?.Line ?? 1;

    /// <summary>Splits a section at its ### headings; blocks before the first heading come with a null heading.</summary>
    private static IEnumerable<(Block? Heading, List<Block> Body)> Subsections(IReadOnlyList<Block> blocks)
    {
        Block? heading = null;
        var body = new List<Block>();
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Heading && block.Level == 3)
            {
                if (heading is not null || body.Count > 0) yield return (heading, body);
                heading = block;
                body = new List<Block>();
                continue;
            }
            body.Add(block);
        }
        if (heading is not null || body.Count > 0) yield return (heading, body);
    }

    private static IReadOnlyList<SyntaxDoc> ReadSyntax(IReadOnlyList<Block> section, Action<int, string> error)
    {
        var syntax = new List<SyntaxDoc>();
        foreach (var (heading, body) in Subsections(section))
        {
            var set = heading?.Text.Trim();
            var isDefault = set is not null && set.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase);
            if (isDefault) set = set!.Substring(0, set.Length - "(Default)".Length).Trim();
            var code = body.Where(b => b.Kind == BlockKind.Code).ToList();
            if (code.Count != 1)
            {
                error(heading?.Line ?? body.FirstOrDefault()?.Line ?? 1, $"Each syntax{(set is null ? "" : $" (set {set})")} is one fenced code block; found {code.Count}.");
                continue;
            }
            syntax.Add(new SyntaxDoc(set, isDefault, code[0].Text.Trim(), code[0].Line));
        }
        return syntax;
    }

    private static IReadOnlyList<ExampleDoc> ReadExamples(IReadOnlyList<Block> section, Action<int, string> error)
    {
        var examples = new List<ExampleDoc>();
        foreach (var (heading, body) in Subsections(section))
        {
            if (heading is null)
            {
                error(body[0].Line, "Text under ## EXAMPLES must belong to an example: start one with '### Example 1: what it shows'.");
                continue;
            }
            var code = body.Where(b => b.Kind == BlockKind.Code).Select(b => b.Text.TrimEnd()).ToList();
            if (code.Count == 0) error(heading.Line, $"Example '{heading.Text}' has no fenced code block.");
            examples.Add(new ExampleDoc(heading.Text.Trim(), string.Join("\n\n", code), Paragraphs(body.Where(b => b.Kind != BlockKind.Code)), heading.Line));
        }
        return examples;
    }

    private static IReadOnlyList<ParameterDoc> ReadParameters(IReadOnlyList<Block> section, Action<int, string> error)
    {
        var parameters = new List<ParameterDoc>();
        foreach (var (heading, body) in Subsections(section))
        {
            if (heading is null)
            {
                error(body[0].Line, "Text under ## PARAMETERS must belong to a parameter: start it with '### -Name'.");
                continue;
            }
            var name = heading.Text.Trim();
            if (name.Equals(CommonParameters, StringComparison.OrdinalIgnoreCase)) continue;
            if (!name.StartsWith("-", StringComparison.Ordinal) || name.Length < 2 || name.Skip(1).Any(char.IsWhiteSpace))
            {
                error(heading.Line, $"'### {name}' is not a parameter heading; write '### -Name' (or '### {CommonParameters}').");
                continue;
            }
            var yaml = body.Where(b => b.Kind == BlockKind.Code && b.Language.Equals("yaml", StringComparison.OrdinalIgnoreCase)).ToList();
            if (yaml.Count == 0) error(heading.Line, $"Parameter {name} has no ```yaml block (Type, Parameter Sets, Aliases, Required, Position, ...).");
            var blocks = yaml.Select(y => ParameterYamlReader.Read(y.Text, y.Line, error)).OfType<ParameterYaml>().ToList();
            var description = Paragraphs(body.Where(b => !(b.Kind == BlockKind.Code && b.Language.Equals("yaml", StringComparison.OrdinalIgnoreCase))));
            if (description.Count == 0) error(heading.Line, $"Parameter {name} has no description.");
            if (parameters.Any(p => p.Name.Equals(name.Substring(1), StringComparison.OrdinalIgnoreCase)))
                error(heading.Line, $"Parameter {name} is documented twice.");
            if (blocks.Count > 0) parameters.Add(new ParameterDoc(name.Substring(1), description, blocks, heading.Line));
        }
        return parameters;
    }

    private static IReadOnlyList<TypeDoc> ReadTypes(IReadOnlyList<Block> section) =>
        Subsections(section)
            .Select(s => s.Heading is null
                ? Paragraphs(s.Body) is { Count: > 0 } text ? new TypeDoc(text[0], text.Skip(1).ToList()) : null
                : new TypeDoc(s.Heading.Text.Trim(), Paragraphs(s.Body)))
            .OfType<TypeDoc>()
            .ToList();

    private static IReadOnlyList<LinkDoc> ReadLinks(IReadOnlyList<Block> section) =>
        section.Where(b => b.Kind is BlockKind.Paragraph or BlockKind.ListItem)
            .SelectMany(b => b.Links.Select(l => new LinkDoc(l.Text, l.Uri)).DefaultIfEmpty(new LinkDoc(b.Text, "")))
            .ToList();
}
