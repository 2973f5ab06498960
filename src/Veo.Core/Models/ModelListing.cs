using Veo.Core.Routes;

namespace Veo.Core.Models;

/// <summary>
/// One model of a route's live list beside the catalog (Get-VeoModel -Live): listed by the service, in the catalog, or
/// both; with what to do when they disagree.
/// </summary>
public sealed record ModelListing(string Route, string Id, bool Listed, bool InCatalog)
{
    /// <summary>The catalog's status for it; null when the catalog does not know it.</summary>
    public ModelStatus? Status { get; init; }

    /// <summary>The service's name for it, where it gives one.</summary>
    public string? DisplayName { get; init; }

    /// <summary>What the service says the model does (Gemini API: its generation methods; new-api: its endpoint types).</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = Array.Empty<string>();

    /// <summary>What to do about a difference: how to declare an id the catalog lacks, or that a model is no longer listed.</summary>
    public string? Advice { get; init; }

    /// <summary>The listed models and the catalog's, side by side: listed ones first in the service's order, then the catalog's unlisted.</summary>
    internal static IReadOnlyList<ModelListing> Compare(VideoRoute route, IReadOnlyList<ListedModel> listed, string catalogPath)
    {
        var rows = new List<ModelListing>();
        foreach (var model in listed.GroupBy(m => m.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.First()))
        {
            var known = route.Models.FirstOrDefault(m => string.Equals(m.Id, model.Id, StringComparison.OrdinalIgnoreCase));
            rows.Add(new ModelListing(route.Name, model.Id, true, known is not null)
            {
                Status = known?.Status,
                DisplayName = model.DisplayName,
                Capabilities = model.Capabilities,
                Advice = known is not null ? null
                    : $"Not in the catalog: to use it, declare it in {catalogPath} (an entry with Route '{route.Name}' and Id '{model.Id}'; " +
                      $"Get-VeoModel -Route {route.Name} gives entries to start from, ConvertTo-Json -Depth 5 -AsArray writes them).",
            });
        }
        foreach (var model in route.Models.Where(m => !listed.Any(l => string.Equals(l.Id, m.Id, StringComparison.OrdinalIgnoreCase))))
        {
            rows.Add(new ModelListing(route.Name, model.Id, false, true)
            {
                Status = model.Status,
                Advice = $"The service does not list it now: it may be retired (a create would be refused with ModelUnavailable). " +
                         $"If so, mark it in {catalogPath} with Status ShutDown, ShutDownOn and a Replacement.",
            });
        }
        return rows;
    }
}
