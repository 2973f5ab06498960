using Veo.HelpGen.Docs;

namespace Veo.HelpGen.Cmdlets;

/// <summary>A cmdlet as its attributes declare it: what the help must agree with.</summary>
public sealed record CmdletMetadata(
    string Verb,
    string Noun,
    string ClassName,
    string? DefaultParameterSet,
    bool SupportsShouldProcess,
    IReadOnlyList<ParameterMetadata> Parameters,
    IReadOnlyList<string> OutputTypes)
{
    public const string AllParameterSets = "__AllParameterSets";

    public string Name => $"{Verb}-{Noun}";

    /// <summary>The named sets, default first; just <see cref="AllParameterSets"/> when the cmdlet names none.</summary>
    public IReadOnlyList<string> ParameterSets
    {
        get
        {
            var named = Parameters.SelectMany(p => p.Sets).Select(s => s.Set).Where(s => s != AllParameterSets).Distinct().ToList();
            if (DefaultParameterSet is { } d && named.Remove(d)) named.Insert(0, d);
            return named.Count == 0 ? new[] { AllParameterSets } : named;
        }
    }

    /// <summary>The parameters a user can bind in <paramref name="set"/>, each with its binding in that set.</summary>
    public IEnumerable<(ParameterMetadata Parameter, ParameterSetMetadata Binding)> InSet(string set) =>
        from p in Parameters
        let binding = p.Sets.FirstOrDefault(s => s.Set == set) ?? p.Sets.FirstOrDefault(s => s.Set == AllParameterSets)
        where binding is not null
        select (p, binding);
}

/// <summary>
/// One parameter: a property with [Parameter], or -WhatIf/-Confirm that PowerShell adds for SupportsShouldProcess
/// (<see cref="IsImplicit"/>). <see cref="Type"/> is the property type with Nullable unwrapped.
/// </summary>
public sealed record ParameterMetadata(
    string Name,
    TypeRef Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ParameterSetMetadata> Sets,
    bool SupportsWildcards,
    bool DontShow = false,
    bool IsImplicit = false)
{
    public bool IsSwitch => Type.FullName == "System.Management.Automation.SwitchParameter";
}

/// <summary>How a parameter binds in one set (or in <see cref="CmdletMetadata.AllParameterSets"/>); Position null is "Named".</summary>
public sealed record ParameterSetMetadata(string Set, bool Mandatory, int? Position, PipelineInput Pipeline);

/// <summary>A type as metadata names it, without loading it.</summary>
public sealed record TypeRef(string FullName, IReadOnlyList<TypeRef>? GenericArguments = null, TypeRef? ElementType = null)
{
    public bool IsArray => ElementType is not null;

    /// <summary>Nullable&lt;T&gt; is T: PowerShell binds and shows both the same way.</summary>
    public TypeRef Unwrapped => FullName == "System.Nullable`1" && GenericArguments is { Count: 1 } args ? args[0] : this;

    /// <summary>The name help shows, as platyPS writes it: String, Int32, String[], SecureString.</summary>
    public string ShortName
    {
        get
        {
            if (ElementType is not null) return ElementType.ShortName + "[]";
            if (!ReferenceEquals(Unwrapped, this)) return Unwrapped.ShortName;
            var name = FullName.Substring(FullName.LastIndexOfAny(new[] { '.', '+' }) + 1);
            var tick = name.IndexOf('`');
            if (tick >= 0) name = name.Substring(0, tick);
            return GenericArguments is { Count: > 0 } args ? $"{name}[{string.Join(",", args.Select(a => a.ShortName))}]" : name;
        }
    }

    public override string ToString() => ShortName;
}
