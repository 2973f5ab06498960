namespace Veo.Core.Models;

/// <summary>The families users think in, and the friendly names they may type for each whatever the route.</summary>
public static class ModelFamilies
{
    public const string Fast = "veo-3.1-fast";
    public const string Standard = "veo-3.1";
    public const string Lite = "veo-3.1-lite";
    /// <summary>Gemini Omni Flash on the Gemini API's Interactions API (gemini-omni-1.2-flash, gemini-omni-1.1-flash).</summary>
    public const string Omni = "gemini-omni-flash";

    /// <summary>The alias a family is offered under in errors and Tab completion, in that order.</summary>
    internal static readonly IReadOnlyList<string> OfferedAliases = new[] { "Omni", "Fast", "Standard", "Lite" };

    public static readonly IReadOnlyDictionary<string, string> Aliases =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Fast"] = Fast,
            [Fast] = Fast,
            ["veo3.1-fast"] = Fast,
            ["Standard"] = Standard,
            ["Quality"] = Standard,
            [Standard] = Standard,
            ["veo3.1"] = Standard,
            ["Lite"] = Lite,
            [Lite] = Lite,
            ["veo3.1-lite"] = Lite,
            ["Omni"] = Omni,
            [Omni] = Omni,
        };
}
