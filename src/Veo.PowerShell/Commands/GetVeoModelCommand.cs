using System.Management.Automation;
using Veo.Core.Models;
using Veo.Core.Pricing;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// The model catalog: one row per route and model, with its status, modes, limits and source. A row is a models.json
/// entry (ConvertTo-Json of rows is a valid file). The unit price is shown by the format view from the price book.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VeoModel", HelpUri = HelpLinks.Base + "Get-VeoModel.md", DefaultParameterSetName = CatalogSet)]
[OutputType(typeof(ModelEntry), ParameterSetName = new[] { CatalogSet })]
public sealed class GetVeoModelCommand : VeoCmdlet
{
    private const string CatalogSet = "Catalog";

    [Parameter(Position = 0, ParameterSetName = CatalogSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Route { get; set; }

    /// <summary>A family (veo-3.1-fast) or its alias (Fast, Standard, Lite).</summary>
    [Parameter(ParameterSetName = CatalogSet)]
    [ArgumentCompleter(typeof(FamilyCompleter))]
    public string? Family { get; set; }

    [Parameter(ParameterSetName = CatalogSet)]
    public ModelStatus[]? Status { get; set; }

    protected override void EndProcessing()
    {
        try
        {
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
                Emit(model);
            }
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Route);
        }
    }
}
