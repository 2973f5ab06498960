using Veo.HelpGen.Docs;

namespace Veo.HelpGen.Cmdlets;

/// <summary>A cmdlet as PowerShell sees it once the module is imported: what the help must agree with.</summary>
public sealed record CmdletMetadata(
    string Verb,
    string Noun,
    string ClassName,
    string? DefaultParameterSet,
    bool SupportsShouldProcess,
    IReadOnlyList<ParameterMetadata> Parameters,
    IReadOnlyList<string> OutputTypes,
    IReadOnlyList<SyntaxLine> Syntax)
{
    public const string AllParameterSets = "__AllParameterSets";

    public string Name => $"{Verb}-{Noun}";

    /// <summary>The sets in the order Get-Command -Syntax prints them; just <see cref="AllParameterSets"/> when the cmdlet names none.</summary>
    public IReadOnlyList<string> ParameterSets => Syntax.Select(s => s.Set).ToList();

    /// <summary>The parameters a user can bind in <paramref name="set"/>, each with its binding in that set.</summary>
    public IEnumerable<(ParameterMetadata Parameter, ParameterSetMetadata Binding)> InSet(string set) =>
        from p in Parameters
        let binding = p.Sets.FirstOrDefault(s => s.Set == set) ?? p.Sets.FirstOrDefault(s => s.Set == AllParameterSets)
        where binding is not null
        select (p, binding);
}

/// <summary>
/// One parameter, common parameters left out; -WhatIf and -Confirm, which PowerShell adds for SupportsShouldProcess,
/// are <see cref="IsImplicit"/>.
/// </summary>
public sealed record ParameterMetadata(
    string Name,
    Type Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ParameterSetMetadata> Sets,
    bool SupportsWildcards,
    bool DontShow = false,
    bool IsImplicit = false)
{
    public bool IsSwitch => Type == typeof(System.Management.Automation.SwitchParameter);

    public bool IsArray => Type.IsArray;

    /// <summary>The name the yaml blocks and the parameters section show, as platyPS writes it: String, Int32, String[]; Nullable&lt;T&gt; is T.</summary>
    public string TypeName => ShortName(Nullable.GetUnderlyingType(Type) ?? Type);

    private static string ShortName(Type type)
    {
        if (type.IsArray) return ShortName(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        return $"{type.Name.Substring(0, type.Name.IndexOf('`'))}[{string.Join(",", type.GetGenericArguments().Select(ShortName))}]";
    }
}

/// <summary>How a parameter binds in one set (or in <see cref="CmdletMetadata.AllParameterSets"/>); Position null is "Named".</summary>
public sealed record ParameterSetMetadata(string Set, bool Mandatory, int? Position, PipelineInput Pipeline);

/// <summary>
/// One parameter set as PowerShell renders it: <see cref="Text"/> is the line Get-Command -Syntax prints, and
/// <see cref="Parameters"/> its parameters in that order with the type name shown for each value (none for a switch).
/// </summary>
public sealed record SyntaxLine(string Set, bool IsDefault, string Text, IReadOnlyList<SyntaxToken> Parameters);

public sealed record SyntaxToken(string Name, string? ValueType);
