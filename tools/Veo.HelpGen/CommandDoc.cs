namespace Veo.HelpGen;

/// <summary>A cmdlet's help as written in docs/&lt;Name&gt;.md (platyPS layout). Text is paragraphs of plain text.</summary>
public sealed record CommandDoc(
    string Path, string Name, int NameLine, string Synopsis, IReadOnlyList<string> Description, IReadOnlyList<SyntaxDoc> Syntax,
    IReadOnlyList<ExampleDoc> Examples, IReadOnlyList<ParameterDoc> Parameters, IReadOnlyList<TypeDoc> Inputs, IReadOnlyList<TypeDoc> Outputs,
    IReadOnlyList<string> Notes, IReadOnlyList<(string Text, string Uri)> Links, string? OnlineVersion);

/// <summary>One "### SetName (Default)" block of ## SYNTAX; SetName is null when the cmdlet has a single set. Line is the opening fence's.</summary>
public sealed record SyntaxDoc(string? SetName, bool IsDefault, string Text, int Line);

public sealed record ExampleDoc(string Title, string Code, IReadOnlyList<string> Remarks, int Line);

/// <summary>A "### -Name" section: its text and one yaml block per group of parameter sets that bind it alike.</summary>
public sealed record ParameterDoc(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterYaml> Blocks, int Line);

/// <summary>
/// A parameter's yaml block as platyPS writes it: each field's value and line. Strict on purpose: a misspelt or missing
/// key is a diagnostic, not a silent default. Whether the values are right is for <see cref="DocCheck"/> to say.
/// </summary>
public sealed record ParameterYaml(IReadOnlyDictionary<string, (string Value, int Line)> Fields)
{
    public const string AllSets = "(All)";

    public static readonly string[] Keys = ["Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters"];

    /// <summary>Fields platyPS writes only for some parameters ("Accepted values" for a [ValidateSet]); the check says when one is missing or extra.</summary>
    public static readonly string[] OptionalKeys = ["Accepted values"];

    public string this[string key] => Fields[key].Value;

    /// <summary>The sets it names; <see cref="CmdletReader.AllSets"/> for "(All)".</summary>
    public IEnumerable<string> Sets => List(this["Parameter Sets"]).Select(s => s == AllSets ? CmdletReader.AllSets : s);

    /// <summary>A comma-separated value ("Seconds, DurationSeconds"), "None" being no item.</summary>
    public static IReadOnlyList<string> List(string value) =>
        value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0 && !s.Equals("None", StringComparison.OrdinalIgnoreCase)).ToList();

    public static ParameterYaml? Read(string yaml, int fenceLine, Action<int, string> error)
    {
        if (MarkdownParser.Mapping(yaml, fenceLine, error, "The parameter's yaml block is not 'Key: value' lines") is not { } entries) return null;
        var fields = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<(int Line, string Message)>();
        foreach (var (key, value, line) in entries)
            if (!Keys.Concat(OptionalKeys).Contains(key, StringComparer.OrdinalIgnoreCase)) problems.Add((line, $"'{key}: {value}' is not a parameter field; the fields are {string.Join(", ", Keys.Concat(OptionalKeys))}."));
            else if (value is null) problems.Add((line, $"'{key}:' takes one plain value, not a yaml list or map."));
            else fields[key] = (value.Trim(), line);
        problems.AddRange(Keys.Where(k => !fields.ContainsKey(k)).Select(k => (fenceLine, $"The parameter's yaml block has no '{k}:' line.")));
        if (problems.Count == 0 && List(fields["Parameter Sets"].Value).Count == 0) problems.Add((fields["Parameter Sets"].Line, $"'Parameter Sets:' is empty; write {AllSets} or the set names."));
        problems.ForEach(p => error(p.Line, p.Message));
        return problems.Count == 0 ? new ParameterYaml(fields) : null;
    }
}

/// <summary>An entry of ## INPUTS or ## OUTPUTS: a type name and what it means here.</summary>
public sealed record TypeDoc(string Name, IReadOnlyList<string> Description);

/// <summary>A problem in a help source, written the way MSBuild shows errors: file(line): error CODE: message.</summary>
public sealed record Diagnostic(string File, int Line, string Message)
{
    public override string ToString() => $"{File}({Math.Max(Line, 1)}): error VEOHELP: {Message}";
}
