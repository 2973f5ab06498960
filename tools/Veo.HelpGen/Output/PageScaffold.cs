using System.Text;
using Veo.HelpGen.Cmdlets;
using Veo.HelpGen.Docs;

namespace Veo.HelpGen.Output;

/// <summary>
/// A new cmdlet's page, with the syntax and every parameter's yaml already right and "{{ Fill in ... }}"
/// where words are needed. The generator refuses a page that still holds a placeholder.
/// </summary>
public static class PageScaffold
{
    public const string Placeholder = "{{ Fill in";

    public static string Write(CmdletMetadata cmdlet, string helpFileName, string moduleName)
    {
        var page = new StringBuilder();
        page.Append("---\n")
            .Append($"external help file: {helpFileName}\n")
            .Append($"Module Name: {moduleName}\n")
            .Append("online version:\n")
            .Append("schema: 2.0.0\n")
            .Append("---\n\n")
            .Append($"# {cmdlet.Name}\n\n")
            .Append("## SYNOPSIS\n").Append($"{Placeholder} the Synopsis }}}}\n\n")
            .Append("## SYNTAX\n\n");
        foreach (var syntax in cmdlet.Syntax)
        {
            if (syntax.Set != CmdletMetadata.AllParameterSets)
                page.Append($"### {syntax.Set}{(syntax.IsDefault ? " (Default)" : "")}\n");
            page.Append("```\n").Append(syntax.Text).Append("\n```\n\n");
        }
        page.Append("## DESCRIPTION\n").Append($"{Placeholder} the Description }}}}\n\n")
            .Append("## EXAMPLES\n\n");
        for (var i = 1; i <= 3; i++)
            page.Append($"### Example {i}: {Placeholder} what it shows }}}}\n```powershell\n{cmdlet.Name}\n```\n\n{Placeholder} what it does }}}}\n\n");
        page.Append("## PARAMETERS\n\n");
        foreach (var parameter in cmdlet.Parameters.Where(p => !p.DontShow))
            page.Append($"### -{parameter.Name}\n").Append($"{Placeholder} the {parameter.Name} Description }}}}\n\n").Append(Yaml(parameter)).Append('\n');
        page.Append($"### {CommandDocReader.CommonParameters}\n")
            .Append("This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, ")
            .Append("-OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. ")
            .Append("For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).\n\n")
            .Append("## INPUTS\n\n### None\n").Append($"{Placeholder} what can be piped in }}}}\n\n")
            .Append("## OUTPUTS\n\n");
        foreach (var output in cmdlet.OutputTypes.DefaultIfEmpty("None"))
            page.Append($"### {output}\n").Append($"{Placeholder} what is written }}}}\n\n");
        page.Append("## NOTES\n\n## RELATED LINKS\n");
        return page.ToString();
    }

    /// <summary>One yaml block per group of sets that bind the parameter alike.</summary>
    public static string Yaml(ParameterMetadata parameter)
    {
        var yaml = new StringBuilder();
        foreach (var group in parameter.Sets.GroupBy(s => (s.Mandatory, s.Position, s.Pipeline)))
        {
            var sets = group.Select(s => s.Set).ToList();
            yaml.Append("```yaml\n");
            foreach (var (key, value) in Fields(parameter, group.First(), sets.Contains(CmdletMetadata.AllParameterSets) ? ParameterYamlReader.AllSets : string.Join(", ", sets)))
                yaml.Append($"{key}: {value}".TrimEnd()).Append(key == "Aliases" ? "\n\n" : "\n");
            yaml.Append("```\n");
        }
        return yaml.ToString();
    }

    /// <summary>The fields of a yaml block, in platyPS's order, for <paramref name="parameter"/> as it binds in <paramref name="binding"/>'s set.</summary>
    public static IEnumerable<(string Key, string Value)> Fields(ParameterMetadata parameter, ParameterSetMetadata binding, string sets) => new[]
    {
        ("Type", parameter.TypeName),
        ("Parameter Sets", sets),
        ("Aliases", string.Join(", ", parameter.Aliases)),
        ("Required", binding.Mandatory.ToString()),
        ("Position", binding.Position?.ToString() ?? "Named"),
        ("Default value", "None"),
        ("Accept pipeline input", ParameterYamlReader.Describe(binding.Pipeline)),
        ("Accept wildcard characters", parameter.SupportsWildcards.ToString()),
    };
}
