using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Veo.HelpGen.Docs;

/// <summary>
/// The yaml block under a "### -Name" heading, as platyPS writes it: "Key: value" lines with the keys below, read by
/// YamlDotNet. Strict on purpose: a misspelt or missing key is a diagnostic, not a silent default. Whether the values
/// are right is for <see cref="Checking.DocCheck"/> to say.
/// </summary>
public static class ParameterYamlReader
{
    public const string AllSets = "(All)";

    public static readonly string[] Keys =
    {
        "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters",
    };

    public static ParameterYaml? Read(string yaml, int fenceLine, Action<int, string> error)
    {
        YamlMappingNode? mapping;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            mapping = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        }
        catch (YamlException e)
        {
            error(fenceLine + (int)e.Start.Line, $"The parameter's yaml block is not 'Key: value' lines: {e.Message}");
            return null;
        }
        var fields = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        foreach (var (key, node) in mapping?.Children.AsEnumerable() ?? Array.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var line = fenceLine + (int)key.Start.Line;
            var value = node is YamlScalarNode scalar ? scalar.Value ?? "" : null;
            if (!Keys.Contains(key.ToString(), StringComparer.OrdinalIgnoreCase))
                error(line, $"'{key}: {value}' is not a parameter field; the fields are {string.Join(", ", Keys)}.");
            else if (value is null)
                error(line, $"'{key}:' takes one plain value, not a yaml list or map.");
            else
            {
                fields[key.ToString()] = (value.Trim(), line);
                continue;
            }
            ok = false;
        }
        foreach (var missing in Keys.Where(k => !fields.ContainsKey(k)))
        {
            error(fenceLine, $"The parameter's yaml block has no '{missing}:' line.");
            ok = false;
        }
        if (ok && List(fields["Parameter Sets"].Value).Count == 0)
        {
            error(fields["Parameter Sets"].Line, $"'Parameter Sets:' is empty; write {AllSets} or the set names.");
            ok = false;
        }
        return ok ? new ParameterYaml(fields, fenceLine) : null;
    }

    /// <summary>A comma-separated value ("Seconds, DurationSeconds"), "None" being no item.</summary>
    public static IReadOnlyList<string> List(string value) =>
        value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0 && !s.Equals("None", StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The way platyPS and Get-Help spell it.</summary>
    public static string Describe(PipelineInput pipeline) => pipeline switch
    {
        PipelineInput.None => "False",
        PipelineInput.ByValue => "True (ByValue)",
        PipelineInput.ByPropertyName => "True (ByPropertyName)",
        _ => "True (ByPropertyName, ByValue)",
    };
}
