using System.Text.RegularExpressions;

namespace Veo.HelpGen;

/// <summary>
/// Reads a cmdlet page in the platyPS layout: # Name, then ## SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES,
/// PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS. Whatever is missing or malformed becomes a diagnostic
/// that names the line; the page read so far is still returned so one run reports every problem.
/// </summary>
public static class CommandDocReader
{
    public const string CommonParameters = "CommonParameters";

    private static readonly string[] Sections = ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];
    private static readonly string[] Optional = ["NOTES", "RELATED LINKS"];

    public static CommandDoc Read(string path, string text, ICollection<Diagnostic> diagnostics)
    {
        void Error(int line, string message) => diagnostics.Add(new Diagnostic(path, line, message));
        foreach (var (line, number) in text.Split('\n').Select((l, i) => (l, i + 1)).Where(l => l.l.Contains(PageScaffold.Placeholder)))
            Error(number, $"A placeholder is left: {line.Trim()}");

        var file = MarkdownParser.Parse(text, Error);
        var title = file.Blocks.FirstOrDefault(b => b is { Kind: BlockKind.Heading, Level: 1 });
        if (title is null) Error(1, "The page has no '# Cmdlet-Name' title.");
        var sections = new Dictionary<string, (int Line, List<Block> Body)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (heading, body) in Split(file.Blocks, 2).Where(s => s.Heading?.Level == 2))
        {
            var name = heading!.Text.Trim().ToUpperInvariant();
            if (!Sections.Contains(name)) Error(heading.Line, $"'## {heading.Text}' is not a section of a cmdlet page; use {string.Join(", ", Sections.Select(s => "## " + s))}.");
            else if (!sections.TryAdd(name, (heading.Line, body))) Error(heading.Line, $"'## {name}' appears twice.");
        }
        foreach (var missing in Sections.Except(Optional).Where(s => !sections.ContainsKey(s))) Error(title?.Line ?? 1, $"The page has no '## {missing}' section.");
        List<Block> Section(string name) => sections.TryGetValue(name, out var section) ? section.Body : [];

        var synopsis = string.Join(" ", Paragraphs(Section("SYNOPSIS")));
        var description = Paragraphs(Section("DESCRIPTION"));
        foreach (var (name, empty) in new[] { ("SYNOPSIS", synopsis.Length == 0), ("DESCRIPTION", description.Count == 0) })
            if (empty && sections.TryGetValue(name, out var section)) Error(section.Line, $"## {name} is empty.");
        return new CommandDoc(path, title?.Text.Trim() ?? "", title?.Line ?? 1, synopsis, description,
            ReadSyntax(Section("SYNTAX"), Error), ReadExamples(Section("EXAMPLES"), Error), ReadParameters(Section("PARAMETERS"), Error),
            ReadTypes(Section("INPUTS")), ReadTypes(Section("OUTPUTS")), Paragraphs(Section("NOTES")),
            Section("RELATED LINKS").Where(b => b.Kind is BlockKind.Paragraph or BlockKind.ListItem)
                .SelectMany(b => b.Links.DefaultIfEmpty((b.Text, ""))).ToList(),
            file.FrontMatter.GetValueOrDefault("online version") is { Length: > 0 } online ? online : null);
    }

    /// <summary>Paragraphs as help shows them: list items kept as "- item", code verbatim.</summary>
    public static IReadOnlyList<string> Paragraphs(IEnumerable<Block> blocks) =>
        blocks.Where(b => b.Kind != BlockKind.Heading).Select(b => b.Kind == BlockKind.ListItem ? "- " + b.Text : b.Text).Where(p => p.Trim().Length > 0).ToList();

    /// <summary>Splits blocks at the headings of <paramref name="level"/> or above; blocks before the first come with a null heading.</summary>
    private static IEnumerable<(Block? Heading, List<Block> Body)> Split(IEnumerable<Block> blocks, int level)
    {
        var sections = new List<(Block? Heading, List<Block> Body)> { (null, []) };
        foreach (var block in blocks)
            if (block.Kind == BlockKind.Heading && block.Level <= level) sections.Add((block, []));
            else sections[^1].Body.Add(block);
        return sections.Where(s => s.Heading is not null || s.Body.Count > 0);
    }

    /// <summary>Reads each ### subsection of a section; <paramref name="read"/> gives null for one it cannot use, having said why.</summary>
    private static List<T> Subsections<T>(List<Block> section, Func<Block?, List<Block>, T?> read) where T : class =>
        Split(section, 3).Select(s => read(s.Heading, s.Body)).OfType<T>().ToList();

    private static List<SyntaxDoc> ReadSyntax(List<Block> section, Action<int, string> error) => Subsections(section, (heading, body) =>
    {
        var set = heading?.Text.Trim();
        var isDefault = set?.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase) == true;
        if (isDefault) set = set![..^"(Default)".Length].Trim();
        if (body.Where(b => b.Kind == BlockKind.Code).ToList() is [var code]) return new SyntaxDoc(set, isDefault, code.Text.Trim(), code.Line);
        error(heading?.Line ?? body[0].Line, $"Each syntax{(set is null ? "" : $" (set {set})")} is one fenced code block; found {body.Count(b => b.Kind == BlockKind.Code)}.");
        return null;
    });

    private static List<ExampleDoc> ReadExamples(List<Block> section, Action<int, string> error)
    {
        var examples = Subsections(section, (heading, body) => ReadExample(heading, body, error));
        // Get-Help -Examples and the text of other examples name them by number: two "Example 8" leave one unreachable.
        foreach (var (example, number) in examples.Select((e, i) => (e, i + 1)))
            if (Regex.Match(example.Title, @"^Example (\d+)\b") is { Success: true } match && match.Groups[1].Value != number.ToString())
                error(example.Line, $"'{example.Title}' is example {number} of the page: number the examples 1, 2, 3 ... in order ('### Example {number}: ...').");
        return examples;
    }

    /// <summary>
    /// An example's code is its code blocks; what it prints (a ```Output block, as platyPS pages write it) goes in its
    /// remarks (in the page's order), as in PowerShell's own help, so the code Get-Help shows can be pasted and run as it stands.
    /// </summary>
    private static ExampleDoc? ReadExample(Block? heading, List<Block> body, Action<int, string> error)
    {
        static bool IsOutput(Block b) => b.Kind == BlockKind.Code && b.Language.Equals("Output", StringComparison.OrdinalIgnoreCase);
        var code = body.Where(b => b.Kind == BlockKind.Code && !IsOutput(b)).Select(b => b.Text.TrimEnd()).ToList();
        if (heading is null) error(body[0].Line, "Text under ## EXAMPLES must belong to an example: start one with '### Example 1: what it shows'.");
        else if (code.Count == 0) error(heading.Line, $"Example '{heading.Text}' has no fenced code block.");
        var remarks = Paragraphs(body.Where(b => b.Kind != BlockKind.Code || IsOutput(b)));
        return heading is null ? null : new ExampleDoc(heading.Text.Trim(), string.Join("\n\n", code), remarks, heading.Line);
    }

    private static List<ParameterDoc> ReadParameters(List<Block> section, Action<int, string> error)
    {
        var parameters = Subsections(section, (heading, body) =>
        {
            var name = heading?.Text.Trim() ?? "";
            if (name.Equals(CommonParameters, StringComparison.OrdinalIgnoreCase)) return null;
            if (heading is null || name.Length < 2 || name[0] != '-' || name.Skip(1).Any(char.IsWhiteSpace))
            {
                error(heading?.Line ?? body[0].Line, heading is null
                    ? "Text under ## PARAMETERS must belong to a parameter: start it with '### -Name'."
                    : $"'### {name}' is not a parameter heading; write '### -Name' (or '### {CommonParameters}').");
                return null;
            }
            bool IsYaml(Block b) => b.Kind == BlockKind.Code && b.Language.Equals("yaml", StringComparison.OrdinalIgnoreCase);
            var blocks = body.Where(IsYaml).Select(y => ParameterYaml.Read(y.Text, y.Line, error)).ToList();
            var description = Paragraphs(body.Where(b => !IsYaml(b)));
            if (blocks.Count == 0) error(heading.Line, $"Parameter {name} has no ```yaml block (Type, Parameter Sets, Aliases, Required, Position, ...).");
            if (description.Count == 0) error(heading.Line, $"Parameter {name} has no description.");
            return blocks.OfType<ParameterYaml>().ToList() is { Count: > 0 } read ? new ParameterDoc(name[1..], description, read, heading.Line) : null;
        });
        foreach (var twice in parameters.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).SelectMany(g => g.Skip(1)))
            error(twice.Line, $"Parameter -{twice.Name} is documented twice.");
        return parameters;
    }

    private static List<TypeDoc> ReadTypes(List<Block> section) => Subsections(section, (heading, body) => heading is not null
        ? new TypeDoc(heading.Text.Trim(), Paragraphs(body)) : Paragraphs(body) is { Count: > 0 } text ? new TypeDoc(text[0], text.Skip(1).ToList()) : null);
}
