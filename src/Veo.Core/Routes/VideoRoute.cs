using Veo.Core.Models;

namespace Veo.Core.Routes;

/// <summary>
/// A way to pay for Veo: a dialect, where it lives, where its key comes from, the models it serves (from the catalog,
/// <see cref="ModelCatalog"/>) and what its API takes.
/// </summary>
public sealed record VideoRoute(
    string Name,
    Dialect Dialect,
    Uri BaseUri,
    string KeyVariable,
    IReadOnlyList<ModelEntry> Models,
    RouteCapabilities Capabilities)
{
    /// <summary>The Google Cloud project a Vertex AI route creates videos in; null on other routes (and until one is given).</summary>
    public string? Project { get; init; }

    /// <summary>The Vertex AI location (us-central1, global, ...); null on other routes.</summary>
    public string? Location { get; init; }

    /// <summary>How fast it takes creates; see <see cref="RouteQuota"/>.</summary>
    public RouteQuota Quota { get; init; } = RouteQuota.None;

    /// <summary>
    /// The same route pointed somewhere else (a self-hosted gateway, the emulator). A quota belongs to the service at an
    /// address, so another address starts with none (Connect-Veo -RequestsPerMinute/-MaxRunning set one).
    /// </summary>
    public VideoRoute At(Uri baseUri)
    {
        var normalized = RouteUris.Normalize(baseUri);
        var sameService = Uri.Compare(normalized, BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            // Vertex AI's address follows the location, and each region has the same quota of its own.
            || (Dialect == Dialect.Vertex && VertexEndpoints.IsVertexHost(normalized));
        return this with { BaseUri = normalized, Quota = sameService ? Quota : RouteQuota.None };
    }

    /// <summary>
    /// Finds a model by wire id, or by alias or family (the first of that family in the catalog's order that is not shut
    /// down, else the first). Null when this route has no such model (a caller without one uses <see cref="DefaultModel"/>).
    /// </summary>
    public ModelEntry? FindModel(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var trimmed = name!.Trim();
        var byId = Models.FirstOrDefault(m => string.Equals(m.Id, trimmed, StringComparison.OrdinalIgnoreCase));
        if (byId is not null) return byId;
        var family = ModelFamilies.Aliases.TryGetValue(trimmed, out var aliased) ? aliased : trimmed;
        var ofFamily = Models.Where(m => string.Equals(m.Family, family, StringComparison.OrdinalIgnoreCase)).ToList();
        return ofFamily.FirstOrDefault(m => m.Status != ModelStatus.ShutDown) ?? ofFamily.FirstOrDefault();
    }

    /// <summary>The model used when none is named: the catalog's Default for this route.</summary>
    public ModelEntry? DefaultModel => Models.FirstOrDefault(m => m.Default) ?? Models.FirstOrDefault();

    /// <summary>Names to offer in errors and tab completion: the aliases of the families served, then the ids; none shut down.</summary>
    public IEnumerable<string> ModelNames
    {
        get
        {
            var served = Models.Where(m => !ModelLifecycle.IsShutDown(m, DateTime.UtcNow)).ToList();
            return ModelFamilies.OfferedAliases.Where(a => served.Any(m => m.Family == ModelFamilies.Aliases[a]))
                .Concat(served.Select(m => m.Id)).Distinct(StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Whether any model of this route extends a video it made.</summary>
    public bool CanExtend => Models.Any(m => m.Extension is not null);

    /// <summary>Whether any model of this route edits a video it made (Gemini Omni's edit task).</summary>
    public bool CanEdit => Models.Any(m => m.Supports(Requests.GenerationMode.Edit));

    public override string ToString() => $"{Name} ({Dialect}, {BaseUri})";
}
