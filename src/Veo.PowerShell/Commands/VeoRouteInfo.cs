using Veo.Core.Sessions;
using Veo.Core.Routes;

namespace Veo.PowerShell.Commands;

/// <summary>A route as Get-VeoRoute shows it: where it lives and whether a key is at hand (never the key).</summary>
public sealed record VeoRouteInfo(string Name, Dialect Dialect, Uri BaseUri, string KeyVariable, string KeySource, bool HasKey, bool IsDefault, bool BuiltIn, IReadOnlyList<string> Models)
{
    /// <summary>Creates a minute per key the route is held to in this session (null: no limit).</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Tasks running at once per key (null: no limit).</summary>
    public int? MaxRunning { get; init; }

    /// <summary>Where the quota's numbers come from (the service's documentation, "unpublished", Register-VeoRoute or Connect-Veo).</summary>
    public string QuotaSource { get; init; } = "";

    internal static VeoRouteInfo Of(VideoRoute route, VeoSession session)
    {
        var isDefault = string.Equals(route.Name, session.DefaultRoute, StringComparison.OrdinalIgnoreCase);
        // Where this session connected the route (Connect-Veo remembers each route's address), else its own.
        var located = session.ResolveRoute(route.Name, null);
        var source = session.KeySource(located);
        return new VeoRouteInfo(route.Name, route.Dialect, located.BaseUri, route.KeyVariable, source, source != "none", isDefault,
            session.Routes.IsBuiltIn(route.Name), route.Models.Select(m => m.Id).ToList())
        {
            RequestsPerMinute = located.Quota.RequestsPerMinute,
            MaxRunning = located.Quota.MaxRunning,
            QuotaSource = located.Quota.Source,
        };
    }
}
