namespace Veo.Core.Routes;

/// <summary>A model as one route names it: the family users think in, and the id the wire wants.</summary>
public sealed record RouteModel(string Family, string WireId)
{
    public const string FastFamily = "veo-3.1-fast";
    public const string StandardFamily = "veo-3.1";
    public const string LiteFamily = "veo-3.1-lite";
    /// <summary>Gemini Omni Flash on the Gemini API's Interactions API (gemini-omni-1.2-flash, gemini-omni-1.1-flash).</summary>
    public const string OmniFamily = "gemini-omni-flash";

    /// <summary>The route's model when -Model is not given (the first model when none says so).</summary>
    public bool Default { get; init; }

    /// <summary>Set when the service no longer makes this model: it is refused before any call, saying what to use.</summary>
    public ModelShutDown? ShutDown { get; init; }

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
            ["Omni"] = OmniFamily,
            [OmniFamily] = OmniFamily,
        };
}

/// <summary>When a model stopped being served, where that is said, and what to use instead.</summary>
/// <param name="On">The shut-down date.</param>
/// <param name="Source">Where the date is read (page and date read).</param>
/// <param name="Instead">What to do instead, as a sentence naming the parameters.</param>
public sealed record ModelShutDown(DateTimeOffset On, string Source, string Instead);
