namespace Veo.Core.Tests.Models;

/// <summary>Entries written as a user writes them in models.json, so each test states only what it is about.</summary>
internal static class CatalogJson
{
    /// <summary>A complete Veo-like entry for <paramref name="route"/> and <paramref name="id"/>, with <paramref name="extra"/> fields replacing its own.</summary>
    public static string Entry(string route, string id, string extra = "")
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Route"] = $"\"{route}\"",
            ["Id"] = $"\"{id}\"",
            ["Family"] = "\"veo-3.1-fast\"",
            ["Status"] = "\"Live\"",
            ["Modes"] = "[\"TextToVideo\", \"ImageToVideo\"]",
            ["Durations"] = "[4, 6, 8]",
            ["Resolutions"] = "[\"720p\"]",
            ["AspectRatios"] = "[\"16:9\", \"9:16\"]",
            ["Audio"] = "\"Always\"",
            ["Source"] = "\"my gateway's model page\"",
            ["AsOf"] = "\"2026-12-01\"",
        };
        foreach (var pair in extra.Split(new[] { ";;" }, StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':');
            var name = pair.Substring(0, colon).Trim().Trim('"');
            var value = pair.Substring(colon + 1).Trim();
            if (value == "<absent>") fields.Remove(name);
            else fields[name] = value;
        }
        return "{ " + string.Join(", ", fields.Select(f => $"\"{f.Key}\": {f.Value}")) + " }";
    }

    public static string Array(params string[] entries) => "[\n" + string.Join(",\n", entries) + "\n]";
}
