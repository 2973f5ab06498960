using Veo.Core.Http;
using Veo.Core.Pricing;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Sessions;

/// <summary>
/// What Connect-Veo sets for the rest of a PowerShell session (one per runspace): the default route, each route's
/// connection (address and key), the session's spending cap, and the home its journal and routes live in.
/// </summary>
public sealed class VeoSession
{
    private readonly Func<VeoHome> _currentHome;
    private readonly Dictionary<string, RouteConnection> _connections = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _homeLock = new();
    private VeoHome? _home;

    /// <summary>A session that follows VEO_HOME: a change of the variable takes effect at the next command.</summary>
    public VeoSession(HttpPolicy? policy = null)
    {
        var httpPolicy = policy ?? HttpPolicy.Default;
        _currentHome = () => CachedHome(() => VeoHome.FromEnvironment(httpPolicy), TaskJournal.DefaultFolder() + "|" + RouteRegistry.ConfigFolder());
    }

    /// <summary>A session whose home is fixed (the demo, tests).</summary>
    public VeoSession(VeoHome home)
    {
        _currentHome = () => home;
    }

    public VeoHome Home => HomeOverride ?? _currentHome();

    /// <summary>A home that stands in for the usual one until set back to null (Start-VeoEmulator's journal and transport).</summary>
    public VeoHome? HomeOverride { get; set; }
    public VeoEngine Engine => Home.Engine;
    public RouteRegistry Routes => Home.Routes;
    public PriceBook Prices => Home.Prices;

    public string DefaultRoute { get; set; } = BuiltInRoutes.LaoZhangName;
    public WaitOptions Wait { get; set; } = new();

    private readonly SpendingGuard _spending = SpendingGuard.ForSession(null, "session spending cap");
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _said = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True the first time this session is told <paramref name="what"/> (a deprecated model's warning is said once a session).</summary>
    public bool FirstTime(string what) => _said.TryAdd(what, true);

    /// <summary>
    /// This session's id, on the journal lines of its creates: what it spent (Connect-Veo's Spent, what its cap counts)
    /// is the ledger's count of those lines, not of another runspace's or process's creates in the same journal.
    /// </summary>
    public string Id => _spending.Session!;

    /// <summary>What this session may spend (Connect-Veo -MaxCost); what was spent is kept when the cap changes.</summary>
    public SpendingGuard Spending => SpendingOverride ?? _spending;

    /// <summary>
    /// A ledger that stands in for the session's while Start-VeoEmulator runs: emulated videos are held to the same caps
    /// (so a test can show a cap stopping a batch) but never count as money the session spent.
    /// </summary>
    public SpendingGuard? SpendingOverride { get; set; }

    /// <summary>The process-wide VEO_MAX_COST guard this session's creates answer to: the real one, or the emulated one while emulating.</summary>
    public SpendingGuard ProcessSpending() =>
        SpendingOverride is null ? EnvironmentSpendingCap.Current() : EnvironmentSpendingCap.CurrentEmulated();

    /// <summary>
    /// Records where a route lives in this session, the key for that address and the quota to hold it to (null keeps
    /// the quota set before, 0 lifts a limit); and, for Vertex AI, the project and location; returns the connection before.
    /// </summary>
    public RouteConnection? Connect(string route, Uri? baseUri, ApiKey? key, int? requestsPerMinute = null, int? maxRunning = null,
        string? project = null, string? location = null)
    {
        if (requestsPerMinute < 0 || maxRunning < 0) throw new ArgumentException("A quota cannot be negative; 0 means no limit.");
        lock (_connections)
        {
            _connections.TryGetValue(route, out var before);
            _connections[route] = new RouteConnection(baseUri is null ? null : RouteUris.Normalize(baseUri), key)
            {
                RequestsPerMinute = requestsPerMinute ?? before?.RequestsPerMinute,
                MaxRunning = maxRunning ?? before?.MaxRunning,
                Project = project is null ? null : VertexEndpoints.CheckProject(project),
                Location = location is null ? null : VertexEndpoints.CheckLocation(location),
            };
            return before;
        }
    }

    /// <summary>Puts a route's connection back as it was: <paramref name="connection"/>, or none at all when null.</summary>
    public void Restore(string route, RouteConnection? connection)
    {
        lock (_connections)
        {
            if (connection is null) _connections.Remove(route);
            else _connections[route] = connection;
        }
    }

    public RouteConnection? ConnectionOf(string route)
    {
        lock (_connections) return _connections.TryGetValue(route, out var connection) ? connection : null;
    }

    /// <summary>
    /// A route by name (or the session default), at the base URI given, else where this session connected it, else
    /// its own address.
    /// </summary>
    public VideoRoute ResolveRoute(string? name, Uri? baseUri)
    {
        var routeName = string.IsNullOrWhiteSpace(name) ? DefaultRoute : name!.Trim();
        var route = Routes.Find(routeName)
            ?? throw new ArgumentException($"There is no route named '{routeName}'. Known routes: {string.Join(", ", Routes.All.Select(r => r.Name))}. Register a gateway with Register-VeoRoute.");
        var connection = ConnectionOf(route.Name);
        var at = baseUri ?? connection?.BaseUri;
        var located = route.Dialect == Dialect.Vertex ? InCloudProject(route, at, connection) : at is null ? route : route.At(at);
        return connection is null ? located : located with
        {
            Quota = located.Quota.With(connection.RequestsPerMinute, connection.MaxRunning, $"{route.Name}: set by Connect-Veo"),
        };
    }

    /// <summary>
    /// A Vertex AI route takes its project and location from Connect-Veo, else GOOGLE_CLOUD_PROJECT and
    /// GOOGLE_CLOUD_LOCATION; its address follows the location unless the route was pointed elsewhere (the emulator).
    /// </summary>
    private static VideoRoute InCloudProject(VideoRoute route, Uri? at, RouteConnection? connection)
    {
        var location = VertexEndpoints.LocationOf(connection?.Location);
        var located = route with { Project = VertexEndpoints.ProjectOf(connection?.Project), Location = location };
        if (at is not null) return located.At(at);
        // A registered Vertex gateway keeps its own address; the built-in route moves with the location.
        return BuiltInRoutes.Find(route.Name) is { Dialect: Dialect.Vertex } ? located.At(VertexEndpoints.BaseUriFor(location)) : located;
    }

    /// <summary>The key for a route at its address: the one given, the session's for that route and address, then environment variables.</summary>
    public ApiKey ResolveKey(VideoRoute route, ApiKey? explicitKey) =>
        ApiKeys.Resolve(route, explicitKey, SessionKeyFor(route));

    /// <summary>Where the key for a route would come from: "-ApiKey", "Connect-Veo", a variable name, or "none".</summary>
    public string KeySource(VideoRoute route) => ApiKeys.Find(route, null, SessionKeyFor(route)).Source;

    /// <summary>A key given to Connect-Veo goes only to the address it was given for.</summary>
    private ApiKey? SessionKeyFor(VideoRoute route)
    {
        var connection = ConnectionOf(route.Name);
        if (connection?.Key is null) return null;
        // Where the route went when connected: its own address (a Vertex AI route's follows the connected location).
        var connectedAt = connection.BaseUri ?? (Routes.Find(route.Name) is { } known ? ResolveRoute(known.Name, null).BaseUri : null);
        return connectedAt is not null && Uri.Compare(connectedAt, route.BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? connection.Key
            : null;
    }

    private VeoHome CachedHome(Func<VeoHome> create, string key)
    {
        lock (_homeLock)
        {
            if (_home is null || _homeKey != key)
            {
                _home = create();
                _homeKey = key;
            }
            return _home;
        }
    }

    private string? _homeKey;
}
