using Veo.Core.Http;
using Veo.Core.Pricing;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Sessions;

/// <summary>
/// Where a session's lasting state lives: the journal (and the engine that writes it), registered routes and the
/// user's price rows. VEO_HOME moves all of them; without it the journal is in the local data folder and routes.json
/// in the config folder.
/// </summary>
public sealed class VeoHome
{
    private readonly Lazy<PriceBook> _prices;

    public VeoHome(VeoEngine engine, RouteRegistry routes, string? priceOverrides = null)
        : this(engine, routes, new Lazy<PriceBook>(() =>
            priceOverrides is not null && File.Exists(priceOverrides) ? PriceBook.Default.WithOverrides(priceOverrides) : PriceBook.Default))
    {
    }

    private VeoHome(VeoEngine engine, RouteRegistry routes, Lazy<PriceBook> prices)
    {
        Engine = engine;
        Routes = routes;
        _prices = prices;
    }

    /// <summary>The same routes and prices with another engine (another journal, another transport).</summary>
    public VeoHome WithEngine(VeoEngine engine) => new(engine, Routes, _prices);

    /// <summary>The home VEO_HOME names now (or the user's default folders).</summary>
    public static VeoHome FromEnvironment(HttpPolicy policy) => new(
        new VeoEngine(TaskJournal.Default(), policy), RouteRegistry.Default(), Path.Combine(TaskJournal.DefaultFolder(), "prices.json"));

    public VeoEngine Engine { get; }
    public RouteRegistry Routes { get; }

    /// <summary>The built-in prices, with the user's own rows from prices.json when that file exists.</summary>
    public PriceBook Prices => _prices.Value;
}
