using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Veo.HelpGen.Docs;

/// <summary>
/// The yaml block under a "### -Name" heading, as platyPS writes it: "Key: value" lines with the keys below, read by
/// YamlDotNet. Strict on purpose: a misspelt key or value is a diagnostic, not a silent default.
/// </summary>
public static class ParameterYamlReader
{
    public const string AllSets = "(All)";

    private static readonly string[] Keys =
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
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, node) in mapping?.Children.AsEnumerable() ?? Array.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var number = fenceLine + (int)key.Start.Line;
            var value = node is YamlScalarNode scalar ? scalar.Value ?? "" : null;
            if (!Keys.Contains(key.ToString(), StringComparer.OrdinalIgnoreCase))
                error(number, $"'{key}: {value}' is not a parameter field; the fields are {string.Join(", ", Keys)}.");
            else if (value is null)
                error(number, $"'{key}:' takes one plain value, not a yaml list or map.");
            else
                values[key.ToString()] = (value, number);
        }
        var ok = true;
        string Get(string key)
        {
            if (values.TryGetValue(key, out var v)) return v.Value;
            error(fenceLine, $"The parameter's yaml block has no '{key}:' line.");
            ok = false;
            return "";
        }
        T Parse<T>(string key, Func<string, T?> parse, string expected) where T : struct
        {
            var text = Get(key);
            if (parse(text) is { } value) return value;
            if (values.ContainsKey(key)) error(values[key].Line, $"'{key}: {text}' should be {expected}.");
            ok = false;
            return default;
        }

        var type = Get("Type");
        var sets = List(Get("Parameter Sets"));
        var aliases = List(Get("Aliases"));
        var required = Parse("Required", Bool, "True or False");
        var position = Get("Position");
        int? index = null;
        if (!position.Equals("Named", StringComparison.OrdinalIgnoreCase) && values.ContainsKey("Position"))
        {
            if (int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var p)) index = p;
            else
            {
                error(values["Position"].Line, $"'Position: {position}' should be Named or a number from 0.");
                ok = false;
            }
        }
        var defaultValue = Get("Default value");
        var pipeline = Parse("Accept pipeline input", Pipeline, "False, True (ByValue), True (ByPropertyName) or True (ByPropertyName, ByValue)");
        var wildcards = Parse("Accept wildcard characters", Bool, "True or False");
        if (type.Length == 0 && values.ContainsKey("Type")) error(values["Type"].Line, "'Type:' is empty.");
        if (sets.Count == 0 && values.ContainsKey("Parameter Sets")) error(values["Parameter Sets"].Line, $"'Parameter Sets:' is empty; write {AllSets} or the set names.");
        if (!ok || type.Length == 0 || sets.Count == 0) return null;
        return new ParameterYaml(type, sets.Count == 1 && sets[0] == AllSets ? Array.Empty<string>() : sets, aliases, required, index, defaultValue, pipeline, wildcards, fenceLine);
    }

    private static IReadOnlyList<string> List(string value) =>
        value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0 && !s.Equals("None", StringComparison.OrdinalIgnoreCase)).ToList();

    private static bool? Bool(string value) =>
        value.Equals("True", StringComparison.OrdinalIgnoreCase) ? true
        : value.Equals("False", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>"False", or "True (" + ByValue and/or ByPropertyName in any order + ")".</summary>
    public static PipelineInput? Pipeline(string value)
    {
        var text = value.Trim();
        if (text.Equals("False", StringComparison.OrdinalIgnoreCase)) return PipelineInput.None;
        if (!text.StartsWith("True (", StringComparison.OrdinalIgnoreCase) || !text.EndsWith(")", StringComparison.Ordinal)) return null;
        var result = PipelineInput.None;
        foreach (var part in text.Substring(6, text.Length - 7).Split(',').Select(p => p.Trim()))
        {
            if (part.Equals("ByValue", StringComparison.OrdinalIgnoreCase)) result |= PipelineInput.ByValue;
            else if (part.Equals("ByPropertyName", StringComparison.OrdinalIgnoreCase)) result |= PipelineInput.ByPropertyName;
            else return null;
        }
        return result == PipelineInput.None ? null : result;
    }

    /// <summary>The way platyPS and Get-Help spell it.</summary>
    public static string Describe(PipelineInput pipeline) => pipeline switch
    {
        PipelineInput.None => "False",
        PipelineInput.ByValue => "True (ByValue)",
        PipelineInput.ByPropertyName => "True (ByPropertyName)",
        _ => "True (ByPropertyName, ByValue)",
    };
}
