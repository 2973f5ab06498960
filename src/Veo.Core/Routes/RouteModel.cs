namespace Veo.Core.Routes;

/// <summary>A model as one route names it: the family users think in, and the id the wire wants.</summary>
public sealed record RouteModel(string Family, string WireId)
{
    public const string FastFamily = "veo-3.1-fast";
    public const string StandardFamily = "veo-3.1";

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
        };
}
