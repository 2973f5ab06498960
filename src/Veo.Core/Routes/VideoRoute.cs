namespace Veo.Core.Routes;

/// <summary>A way to pay for Veo: a dialect, where it lives, where its key comes from, and what it takes.</summary>
public sealed record VideoRoute(
    string Name,
    Dialect Dialect,
    Uri BaseUri,
    string KeyVariable,
    IReadOnlyList<RouteModel> Models,
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

    /// <summary>Finds a model by alias, family or wire id; null when this route has no such model.</summary>
    public RouteModel? FindModel(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return DefaultModel;
        var trimmed = name.Trim();
        var byId = Models.FirstOrDefault(m => string.Equals(m.WireId, trimmed, StringComparison.OrdinalIgnoreCase));
        if (byId is not null) return byId;
        return RouteModel.Aliases.TryGetValue(trimmed, out var family)
            ? Models.FirstOrDefault(m => m.Family == family)
            : null;
    }

    /// <summary>The model made when -Model is not given: the one marked Default, else the first.</summary>
    public RouteModel? DefaultModel => Models.FirstOrDefault(m => m.Default) ?? Models.FirstOrDefault();

    /// <summary>Names to offer in errors and tab completion: only models still served.</summary>
    public IEnumerable<string> ModelNames =>
        new[] { "Fast", "Standard", "Lite", "Omni" }.Where(a => FindModel(a) is { ShutDown: null })
            .Concat(Models.Where(m => m.ShutDown is null).Select(m => m.WireId)).Distinct();

    /// <summary>What a request for <paramref name="model"/> may ask on this route.</summary>
    public RouteCapabilities CapabilitiesOf(RouteModel? model) => model?.Capabilities ?? Capabilities;

    public override string ToString() => $"{Name} ({Dialect}, {BaseUri})";
}
