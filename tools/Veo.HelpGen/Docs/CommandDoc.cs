namespace Veo.HelpGen.Docs;

/// <summary>How a parameter takes pipeline input, as "Accept pipeline input" says it.</summary>
[Flags]
public enum PipelineInput
{
    None = 0,
    ByValue = 1,
    ByPropertyName = 2,
}

/// <summary>A cmdlet's help as written in docs/&lt;Name&gt;.md (platyPS layout). Text is paragraphs of plain text.</summary>
public sealed record CommandDoc(
    string Path,
    string Name,
    int NameLine,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<SyntaxDoc> Syntax,
    IReadOnlyList<ExampleDoc> Examples,
    IReadOnlyList<ParameterDoc> Parameters,
    IReadOnlyList<TypeDoc> Inputs,
    IReadOnlyList<TypeDoc> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<LinkDoc> Links,
    string? OnlineVersion);

/// <summary>One "### SetName (Default)" block of ## SYNTAX; SetName is null when the cmdlet has a single set.</summary>
public sealed record SyntaxDoc(string? SetName, bool IsDefault, string Text, int Line);

public sealed record ExampleDoc(string Title, string Code, IReadOnlyList<string> Remarks, int Line);

/// <summary>A "### -Name" section: its text and one yaml block per group of parameter sets that bind it alike.</summary>
public sealed record ParameterDoc(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterYaml> Blocks, int Line)
{
    public ParameterYaml First => Blocks[0];
}

/// <summary>A parameter's yaml block: each field's value and line. <see cref="Sets"/> is empty for "(All)".</summary>
public sealed record ParameterYaml(IReadOnlyDictionary<string, (string Value, int Line)> Fields, int Line)
{
    public string this[string key] => Fields[key].Value;

    public IReadOnlyList<string> Sets => ParameterYamlReader.List(this["Parameter Sets"]) is var sets && sets.SequenceEqual(new[] { ParameterYamlReader.AllSets }) ? Array.Empty<string>() : sets;

    public string DefaultValue => this["Default value"];
}

/// <summary>An entry of ## INPUTS or ## OUTPUTS: a type name and what it means here.</summary>
public sealed record TypeDoc(string Name, IReadOnlyList<string> Description);

public sealed record LinkDoc(string Text, string Uri);

/// <summary>A problem in a help source, written the way MSBuild shows errors: file(line): error CODE: message.</summary>
public sealed record Diagnostic(string File, int Line, string Message)
{
    public override string ToString() => $"{File}({Math.Max(Line, 1)}): error VEOHELP: {Message}";
}
