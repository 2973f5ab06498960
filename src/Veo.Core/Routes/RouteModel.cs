namespace Veo.Core.Routes;

/// <summary>A model as one route names it: the family users think in, and the id the wire wants.</summary>
public sealed record RouteModel(string Family, string WireId)
{
    public const string FastFamily = "veo-3.1-fast";
    public const string StandardFamily = "veo-3.1";
    public const string LiteFamily = "veo-3.1-lite";

    /// <summary>What this model takes where it differs from the rest of its route (Lite makes no 4K); null means the route's.</summary>
    public RouteCapabilities? Capabilities { get; init; }

    /// <summary>Friendly names a user may type for each family, whatever the route.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Fast"] = FastFamily,
            [FastFamily] = FastFamily,
            ["veo3.1-fast"] = FastFamily,
            ["Standard"] = StandardFamily,
            ["Quality"] = StandardFamily,
            [StandardFamily] = StandardFamily,
            ["veo3.1"] = StandardFamily,
            ["Lite"] = LiteFamily,
            [LiteFamily] = LiteFamily,
            ["veo3.1-lite"] = LiteFamily,
        };
}
