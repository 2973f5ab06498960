using System.Management.Automation;
using Veo.Core.Models;
using Veo.Core.Pricing;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// The model catalog: one row per route and model, with its status, modes, limits and source. A row is a models.json
/// entry (ConvertTo-Json of rows is a valid file). The unit price is shown by the format view from the price book.
/// With -Live: what the route's service lists right now, beside the catalog.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VeoModel", HelpUri = HelpLinks.Base + "Get-VeoModel.md", DefaultParameterSetName = CatalogSet)]
[OutputType(typeof(ModelEntry), ParameterSetName = new[] { CatalogSet })]
[OutputType(typeof(ModelListing), ParameterSetName = new[] { LiveSet })]
public sealed class GetVeoModelCommand : VeoCmdlet
{
    private const string CatalogSet = "Catalog";
    private const string LiveSet = "Live";

    [Parameter(Position = 0, ParameterSetName = CatalogSet)]
    [Parameter(Position = 0, ParameterSetName = LiveSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Route { get; set; }

    /// <summary>A family (veo-3.1-fast) or its alias (Fast, Standard, Lite).</summary>
    [Parameter(ParameterSetName = CatalogSet)]
    [ArgumentCompleter(typeof(FamilyCompleter))]
    public string? Family { get; set; }

    [Parameter(ParameterSetName = CatalogSet)]
    public ModelStatus[]? Status { get; set; }

    /// <summary>Ask the route's service what it serves now (its model list, every page) and show it beside the catalog.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiveSet)]
    public SwitchParameter Live { get; set; }

    /// <summary>The address to ask instead of the route's own (a self-hosted gateway); the key goes there only as the route's.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    public Uri? BaseUri { get; set; }

    [Parameter(ParameterSetName = LiveSet)]
    public System.Security.SecureString? ApiKey { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            if (Live.IsPresent)
            {
                ListLive();
                return;
            }
            var routes = Session.Routes.All;
            var pattern = new WildcardPattern(string.IsNullOrWhiteSpace(Route) ? "*" : Route!, WildcardOptions.IgnoreCase);
            var matching = routes.Where(r => pattern.IsMatch(r.Name)).ToList();
            // As Get-VeoRoute does: a name without wildcards that matches nothing is an error.
            if (matching.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(Route))
                throw new KeyNotFoundException($"There is no route named '{Route}'. Known routes: {string.Join(", ", routes.Select(r => r.Name))}.");
            var family = string.IsNullOrWhiteSpace(Family) ? null : ModelFamily.Of(Family!);
            foreach (var model in matching.SelectMany(r => r.Models))
            {
                if (family is not null && !string.Equals(model.Family, family, StringComparison.OrdinalIgnoreCase)) continue;
                if (Status is { Length: > 0 } && !Status.Contains(model.Status)) continue;
                // A copy: a user may change the row (to save it as another entry); the catalog must not change with it.
                Emit(model.Copy());
            }
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Route);
        }
    }

    private void ListLive()
    {
        if (WildcardPattern.ContainsWildcardCharacters(Route))
            throw new ArgumentException($"-Live asks one route's service; name one route instead of '{Route}'.");
        var route = Session.ResolveRoute(Route, BaseUri);
        // Said before a key is looked for where the dialect has nothing to ask.
        var listing = ModelLists.Exists(route.Dialect)
            ? Run(ct => Session.Engine.ListModelsAsync(route, Session.ResolveKey(route, KeyFrom(ApiKey)), Session.Routes.CatalogPath, ct, Log))
            : null;
        if (listing is null)
        {
            WriteWarning($"Route {route.Name} ({route.Dialect}) documents no list of the models it serves; Get-VeoModel -Route {route.Name} shows the catalog's.");
            return;
        }
        foreach (var row in listing) Emit(row);
    }
}
