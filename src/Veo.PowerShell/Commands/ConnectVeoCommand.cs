using Veo.Core.Pricing;
using System.Management.Automation;
using System.Security;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Sets the session's default route and remembers each route's connection (address and key) for the session, so
/// tasks made on one route can still be waited for after connecting another; sets the session's spending cap.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Veo", HelpUri = HelpLinks.Base + "Connect-Veo.md")]
[OutputType(typeof(VeoConnection))]
public sealed class ConnectVeoCommand : VeoCmdlet
{
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Route { get; set; }

    /// <summary>Serve the route from elsewhere: a self-hosted gateway or the emulator (http only on loopback).</summary>
    [Parameter]
    public Uri? BaseUri { get; set; }

    /// <summary>
    /// A SecureString, so Get-Secret (SecretManagement) plugs straight in. On Vertex AI it is an OAuth access token
    /// (gcloud auth print-access-token), hence -AccessToken.
    /// </summary>
    [Parameter]
    [Alias("AccessToken")]
    public SecureString? ApiKey { get; set; }

    /// <summary>The Google Cloud project Vertex AI videos are made (and billed) in; GOOGLE_CLOUD_PROJECT otherwise.</summary>
    [Parameter]
    public string? Project { get; set; }

    /// <summary>The Vertex AI location (us-central1 by default, or GOOGLE_CLOUD_LOCATION); it chooses the host.</summary>
    [Parameter]
    public string? Location { get; set; }

    /// <summary>The most this session may spend on new videos, in the price book's currency; what was spent already counts.</summary>
    [Parameter]
    [ValidateRange(0, 1_000_000)]
    public decimal? MaxCost { get; set; }

    /// <summary>Creates a minute this session holds the route to, per key (0: no limit); the route's own number otherwise.</summary>
    [Parameter]
    [ValidateRange(0, 100_000)]
    public int? RequestsPerMinute { get; set; }

    /// <summary>Tasks running at once this session holds the route to, per key (0: no limit); the route's own number otherwise.</summary>
    [Parameter]
    [ValidateRange(0, 10_000)]
    public int? MaxRunning { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            var session = Session;
            var name = Session.ResolveRoute(Route, null).Name;
            var previous = session.ConnectionOf(name);
            // The route keeps the address it was connected to in this session unless -BaseUri moves it.
            var address = BaseUri ?? previous?.BaseUri;
            var before = session.ResolveRoute(name, null).BaseUri;
            var defaultBefore = session.ResolveRoute(null, null);
            var cloudRoute = session.ResolveRoute(name, null).Dialect == Core.Routes.Dialect.Vertex;
            if (!cloudRoute && (Project is not null || Location is not null))
                throw new ArgumentException($"-Project and -Location are for a Vertex AI route; {name} is not one.");
            // A new location is a new host: the token given for the old one does not follow it.
            var keepKey = BaseUri is null && (Location is null || string.Equals(Location.Trim(), previous?.Location, StringComparison.OrdinalIgnoreCase));
            session.Connect(name, address, KeyFrom(ApiKey) ?? (keepKey ? previous?.Key : null), RequestsPerMinute, MaxRunning, Project ?? previous?.Project, Location ?? previous?.Location);
            session.DefaultRoute = name;
            var route = session.ResolveRoute(name, null);
            if (previous is not null && before != route.BaseUri)
                WriteWarning($"Route {name} now goes to {route.BaseUri} (it went to {before} earlier in this session).");
            else if (defaultBefore.BaseUri.IsLoopback && !route.BaseUri.IsLoopback)
                WriteWarning($"The default route is now {name} at {route.BaseUri}, a paid service; {defaultBefore.Name} was at {defaultBefore.BaseUri}.");
            if (MaxCost is not null) session.Spending.Cap = MaxCost;
            // The ledger's count of this session's own creates (their lines carry its id): the figure its cap counts too.
            var (spent, uncertain) = SpendLedger.Totals(SpendLedger.Rows(session.Engine.Journal.ReadAll(), new SpendFilter { Session = session.Id }));
            Emit(new VeoConnection(route.Name, route.BaseUri, session.KeySource(route), session.Spending.Cap, spent)
            {
                Uncertain = uncertain,
                RequestsPerMinute = route.Quota.RequestsPerMinute,
                MaxRunning = route.Quota.MaxRunning,
                Project = route.Project,
                Location = route.Location,
            });
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Route);
        }
    }
}

/// <summary>What Connect-Veo set; says where the key comes from, never the key.</summary>
public sealed record VeoConnection(string Route, Uri BaseUri, string KeySource, decimal? MaxCost, decimal Spent)
{
    /// <summary>Creates of this session whose outcome is unknown: they may have been billed, and the session cap counts them (Spent + Uncertain).</summary>
    public decimal Uncertain { get; init; }

    /// <summary>The quota creates are held to on this route now (null: no limit).</summary>
    public int? RequestsPerMinute { get; init; }
    public int? MaxRunning { get; init; }

    /// <summary>Vertex AI: the Google Cloud project and location videos are made in (null on other routes).</summary>
    public string? Project { get; init; }
    public string? Location { get; init; }
}
