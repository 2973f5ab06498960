using Veo.Core.Http;
using Veo.Core.Pricing;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core;

/// <summary>
/// What Connect-Veo sets for the rest of a PowerShell session: the default route (and where it
/// lives), its key, and the engine. Cmdlets read <see cref="Current"/>; tests swap it.
/// </summary>
public sealed class VeoSession
{
    private static VeoSession? _current;

    public static VeoSession Current
    {
        get => _current ??= new VeoSession(new VeoEngine(TaskJournal.Default()));
        set => _current = value;
    }

    public VeoSession(VeoEngine engine)
    {
        Engine = engine;
    }

    public VeoEngine Engine { get; }

    /// <summary>Built-in and user-registered routes.</summary>
    public RouteRegistry Routes { get; set; } = RouteRegistry.Default();
    public string DefaultRoute { get; set; } = BuiltInRoutes.LaoZhangName;
    /// <summary>Set by Connect-Veo -BaseUri: the default route served from elsewhere (a self-hosted gateway, the emulator).</summary>
    public Uri? DefaultBaseUri { get; set; }
    public ApiKey? Key { get; set; }
    public WaitOptions Wait { get; set; } = new();

    /// <summary>The built-in prices, with the user's own rows from VEO_HOME/prices.json when that file exists.</summary>
    public PriceBook Prices { get; set; } = DefaultPrices();

    /// <summary>What this session may spend in all (Connect-Veo -MaxCost, or VEO_MAX_COST).</summary>
    public SpendingGuard Spending { get; set; } = new(CapFromEnvironment(), "session spending cap");

    private static PriceBook DefaultPrices()
    {
        var overrides = Path.Combine(TaskJournal.DefaultFolder(), "prices.json");
        return File.Exists(overrides) ? PriceBook.Default.WithOverrides(overrides) : PriceBook.Default;
    }

    private static decimal? CapFromEnvironment() =>
        decimal.TryParse(Environment.GetEnvironmentVariable("VEO_MAX_COST"), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var cap) ? cap : null;

    /// <summary>A route by name (or the session default), at the base URI given, the session's, or its own.</summary>
    public VideoRoute ResolveRoute(string? name, Uri? baseUri)
    {
        var routeName = string.IsNullOrWhiteSpace(name) ? DefaultRoute : name!;
        var route = Routes.Find(routeName)
            ?? throw new ArgumentException($"There is no route named '{routeName}'. Known routes: {string.Join(", ", Routes.All.Select(r => r.Name))}. Register a gateway with Register-VeoRoute.");
        var at = baseUri ?? (string.Equals(route.Name, DefaultRoute, StringComparison.OrdinalIgnoreCase) ? DefaultBaseUri : null);
        return at is null ? route : route.At(at);
    }

    /// <summary>The key for a route: the one given, the session's when the route is the session's, then environment variables.</summary>
    public ApiKey ResolveKey(VideoRoute route, ApiKey? explicitKey) =>
        ApiKeys.Resolve(route, explicitKey, SessionKeyFor(route));

    /// <summary>Where the key for a route would come from: "-ApiKey", "Connect-Veo", a variable name, or "none".</summary>
    public string KeySource(VideoRoute route) => ApiKeys.Find(route, null, SessionKeyFor(route)).Source;

    private ApiKey? SessionKeyFor(VideoRoute route) =>
        string.Equals(route.Name, DefaultRoute, StringComparison.OrdinalIgnoreCase) ? Key : null;
}
