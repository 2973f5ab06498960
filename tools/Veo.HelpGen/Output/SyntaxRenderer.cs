using Veo.HelpGen.Cmdlets;

namespace Veo.HelpGen.Output;

/// <summary>
/// A parameter set as Get-Command -Syntax writes it: positional parameters by position, then mandatory
/// named ones, then the rest in declaration order (-WhatIf and -Confirm last), then [&lt;CommonParameters&gt;].
/// </summary>
public static class SyntaxRenderer
{
    public static IReadOnlyList<(ParameterMetadata Parameter, ParameterSetMetadata Binding)> Ordered(CmdletMetadata cmdlet, string set)
    {
        var all = cmdlet.InSet(set).Where(p => !p.Parameter.DontShow).ToList();
        return all.Where(p => p.Binding.Position is not null).OrderBy(p => p.Binding.Position)
            .Concat(all.Where(p => p.Binding.Position is null && p.Binding.Mandatory && !p.Parameter.IsImplicit))
            .Concat(all.Where(p => p.Binding.Position is null && !p.Binding.Mandatory && !p.Parameter.IsImplicit))
            .Concat(all.Where(p => p.Parameter.IsImplicit))
            .ToList();
    }

    public static string Render(CmdletMetadata cmdlet, string set) =>
        string.Join(" ", new[] { cmdlet.Name }.Concat(Ordered(cmdlet, set).Select(p => Token(p.Parameter, p.Binding))).Append("[<CommonParameters>]"));

    private static string Token(ParameterMetadata parameter, ParameterSetMetadata binding)
    {
        var name = binding.Position is null ? "-" + parameter.Name : $"[-{parameter.Name}]";
        var token = parameter.IsSwitch ? name : $"{name} <{parameter.Type.ShortName}>";
        return binding.Mandatory ? token : $"[{token}]";
    }

    /// <summary>Whitespace-insensitive, so a long syntax line may be wrapped in the markdown.</summary>
    public static string Normalize(string syntax) => string.Join(" ", syntax.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
