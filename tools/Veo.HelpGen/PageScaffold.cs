using System.Management.Automation;
using System.Text;
using static Veo.HelpGen.CmdletReader;

namespace Veo.HelpGen;

/// <summary>
/// A new cmdlet's page, with the syntax and every parameter's yaml already right and "{{ Fill in ... }}"
/// where words are needed. The generator refuses a page that still holds a placeholder.
/// </summary>
public static class PageScaffold
{
    public const string Placeholder = "{{ Fill in";

    public static string Write(CmdletInfo cmdlet, string helpFileName, string moduleName)
    {
        var page = new StringBuilder($"---\nexternal help file: {helpFileName}\nModule Name: {moduleName}\nonline version:\nschema: 2.0.0\n---\n\n");
        page.Append($"# {cmdlet.Name}\n\n## SYNOPSIS\n{Placeholder} the Synopsis }}}}\n\n## SYNTAX\n\n");
        foreach (var (_, heading, text) in Syntax(cmdlet)) page.Append(heading is null ? "" : heading + "\n").Append($"```\n{text}\n```\n\n");
        page.Append($"## DESCRIPTION\n{Placeholder} the Description }}}}\n\n## EXAMPLES\n\n");
        for (var i = 1; i <= 3; i++)
            page.Append($"### Example {i}: {Placeholder} what it shows }}}}\n```powershell\n{cmdlet.Name}\n```\n\n{Placeholder} what it does }}}}\n\n");
        page.Append("## PARAMETERS\n\n");
        foreach (var parameter in ShownParametersOf(cmdlet))
            page.Append($"### -{parameter.Name}\n{Placeholder} the {parameter.Name} Description }}}}\n\n").Append(Yaml(parameter)).Append('\n');
        page.Append($"### {CommandDocReader.CommonParameters}\n")
            .Append("This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, ")
            .Append("-OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. ")
            .Append("For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).\n\n")
            .Append($"## INPUTS\n\n### None\n{Placeholder} what can be piped in }}}}\n\n## OUTPUTS\n\n");
        foreach (var output in OutputTypes(cmdlet).DefaultIfEmpty("None")) page.Append($"### {output}\n{Placeholder} what is written }}}}\n\n");
        return page.Append("## NOTES\n\n## RELATED LINKS\n").ToString();
    }

    /// <summary>One yaml block per group of sets that bind the parameter alike.</summary>
    public static string Yaml(ParameterMetadata parameter) => string.Concat(
        parameter.ParameterSets.GroupBy(s => (s.Value.IsMandatory, s.Value.Position, s.Value.ValueFromPipeline, s.Value.ValueFromPipelineByPropertyName)).Select(group =>
            "```yaml\n" + string.Concat(Fields(parameter, group.First().Value, group.Any(s => s.Key == AllSets) ? ParameterYaml.AllSets : string.Join(", ", group.Select(s => s.Key)))
                .Select(f => (f.Key == "Required" ? "\n" : "") + $"{f.Key}: {f.Value}".TrimEnd() + "\n")) + "```\n"));

    /// <summary>The fields of a yaml block, in platyPS's order, for <paramref name="parameter"/> as it binds in <paramref name="binding"/>'s set.</summary>
    /// <remarks>
    /// "Accepted values" comes only for a parameter with a [ValidateSet], as platyPS writes it, or with a validation
    /// attribute of the module's own that names its values the same way (ValidValues: Veo's [OneOf], a set that lets null through).
    /// </remarks>
    public static (string Key, string Value)[] Fields(ParameterMetadata parameter, ParameterSetMetadata binding, string sets) =>
    [
        ("Type", TypeName(parameter)),
        ("Parameter Sets", sets),
        ("Aliases", string.Join(", ", parameter.Aliases)),
        .. AcceptedValues(parameter) is { } values ? [("Accepted values", string.Join(", ", values))] : Array.Empty<(string, string)>(),
        ("Required", binding.IsMandatory.ToString()),
        ("Position", Position(binding) ?? "Named"),
        ("Default value", "None"),
        ("Accept pipeline input", Pipeline([binding])),
        ("Accept wildcard characters", SupportsWildcards(parameter).ToString()),
    ];

    private static IEnumerable<string>? AcceptedValues(ParameterMetadata parameter) =>
        parameter.Attributes.OfType<ValidateSetAttribute>().FirstOrDefault()?.ValidValues
        ?? parameter.Attributes.OfType<ValidateArgumentsAttribute>()
            .Select(a => a.GetType().GetProperty(nameof(ValidateSetAttribute.ValidValues))?.GetValue(a) as IEnumerable<string>)
            .FirstOrDefault(v => v is not null);
}
