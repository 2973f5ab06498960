using System.Text.RegularExpressions;

namespace Veo.Core.Pricing;

/// <summary>
/// Maps a route's model id to the family the price book is keyed by: LaoZhang and Google say
/// <c>veo-3.1-fast-generate-preview</c>, Crazyrouter says <c>veo-3.1-fast</c>, other gateways <c>veo3.1-fast</c>.
/// </summary>
public static class ModelFamily
{
    private static readonly Regex VeoId = new(
        @"^(?:models/)?veo-?(?<version>\d+(?:\.\d+)?)(?<tier>-fast|-lite)?(?:-generate(?:-[a-z0-9]+)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Gemini Omni Flash's ids (gemini-omni-1.2-flash, gemini-omni-1.1-flash, gemini-omni-flash-preview): one family, one price.</summary>
    private static readonly Regex OmniId = new(@"^(?:models/)?gemini-omni-(?:\d+(?:\.\d+)?-)?flash(?:-preview)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The family (<c>veo-3.1-fast</c>) of an alias (Fast, Standard) or id, or the id itself, lower-cased, when it is not a known Veo spelling.</summary>
    public static string Of(string model)
    {
        if (Models.ModelFamilies.Aliases.TryGetValue(model.Trim(), out var family)) return family;
        var id = model.Trim().ToLowerInvariant();
        if (OmniId.IsMatch(id)) return Models.ModelFamilies.Omni;
        var match = VeoId.Match(id);
        return match.Success ? $"veo-{match.Groups["version"].Value}{match.Groups["tier"].Value}" : id;
    }
}
