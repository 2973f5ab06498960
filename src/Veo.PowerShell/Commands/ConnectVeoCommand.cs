using System.Management.Automation;
using System.Security;
using Veo.Core;
using Veo.Core.Pricing;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>Sets the session's default route, where it lives, its key and a spending cap.</summary>
[Cmdlet(VerbsCommunications.Connect, "Veo")]
[OutputType(typeof(VeoConnection))]
public sealed class ConnectVeoCommand : VeoCmdlet
{
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Route { get; set; }

    /// <summary>Serve the route from elsewhere: a self-hosted gateway or the emulator (http only on loopback).</summary>
    [Parameter]
    public Uri? BaseUri { get; set; }

    /// <summary>A SecureString, so Get-Secret (SecretManagement) plugs straight in.</summary>
    [Parameter]
    public SecureString? ApiKey { get; set; }

    /// <summary>The most this session may spend on new videos, in the price book's currency.</summary>
    [Parameter]
    [ValidateRange(0, 1_000_000)]
    public decimal? MaxCost { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            var session = Session;
            // A new route starts at its own address unless -BaseUri says otherwise; the same route keeps its address.
            var sameRoute = Route is null || string.Equals(Route, session.DefaultRoute, StringComparison.OrdinalIgnoreCase);
            var route = session.ResolveRoute(Route ?? session.DefaultRoute, BaseUri ?? (sameRoute ? session.DefaultBaseUri : null));
            session.DefaultRoute = route.Name;
            if (BaseUri is not null || !sameRoute) session.DefaultBaseUri = BaseUri is null ? null : route.BaseUri;
            // A key belongs to its route: switching routes without -ApiKey must not send the old key elsewhere.
            if (KeyFrom(ApiKey) is { } key) session.Key = key;
            else if (!sameRoute) session.Key = null;
            if (MaxCost is not null) session.Spending = new SpendingGuard(MaxCost, "session spending cap");
            Emit(new VeoConnection(route.Name, route.BaseUri, session.KeySource(route), session.Spending.Cap));
        }
        catch (Exception e)
        {
            Fail(e, Route);
        }
    }
}

/// <summary>What Connect-Veo set; says where the key comes from, never the key.</summary>
public sealed record VeoConnection(string Route, Uri BaseUri, string KeySource, decimal? MaxCost);
