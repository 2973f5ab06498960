namespace Veo.Core.Models;

/// <summary>
/// Which models each route serves, with their modes, limits and lifecycle: the entries shipped with the module
/// (models.json, embedded) merged with the user's $env:VEO_HOME/models.json, where an entry with the same Route and Id
/// replaces ours and any other is added (a registered gateway declares its own ids there). The user's file is only read.
/// </summary>
public sealed class ModelCatalog
{
    public const string FileName = "models.json";
    private const string ResourceName = "Veo.Core.Models.models.json";

    private static readonly Lazy<ModelCatalog> Embedded = new(() => new ModelCatalog(ModelCatalogFile.Parse(ReadEmbedded(), "models.json (embedded)"), null));

    private ModelCatalog(IReadOnlyList<ModelEntry> entries, string? overridesPath)
    {
        Entries = entries;
        OverridesPath = overridesPath;
    }

    /// <summary>The catalog shipped with the module, each entry with its source and date.</summary>
    public static ModelCatalog Default => Embedded.Value;

    public IReadOnlyList<ModelEntry> Entries { get; }

    /// <summary>The user's file merged in, or null when none was.</summary>
    public string? OverridesPath { get; }

    /// <summary>The built-in catalog, with the user's entries from <paramref name="overridesPath"/> when that file exists.</summary>
    /// <exception cref="ModelCatalogFormatException">The file is not a valid catalog; the message names the entry and field.</exception>
    public static ModelCatalog Load(string? overridesPath) =>
        overridesPath is not null && File.Exists(overridesPath) ? Default.WithOverrides(overridesPath) : Default;

    /// <summary>
    /// A new catalog with the entries of the file at <paramref name="jsonPath"/>. An entry marked Default there takes the
    /// default from the route's other entries; a route left with none (a gateway's own ids) takes its first.
    /// </summary>
    public ModelCatalog WithOverrides(string jsonPath)
    {
        var overrides = ModelCatalogFile.Parse(File.ReadAllText(jsonPath), jsonPath);
        bool Same(ModelEntry a, ModelEntry b) => SameRoute(a.Route, b.Route) && string.Equals(a.Id, b.Id, StringComparison.OrdinalIgnoreCase);
        var defaultRoutes = overrides.Where(o => o.Default).Select(o => o.Route).ToList();
        ModelEntry Kept(ModelEntry e) => e.Default && defaultRoutes.Any(r => SameRoute(r, e.Route)) ? e with { Default = false } : e;
        // An override keeps the place of the entry it replaces, so the order aliases pick in stays the shipped one.
        var merged = Entries.Select(e => overrides.FirstOrDefault(o => Same(o, e)) ?? Kept(e))
            .Concat(overrides.Where(o => !Entries.Any(e => Same(o, e))))
            .ToList();
        return new ModelCatalog(merged, jsonPath);
    }

    /// <summary>The entries of one route, in the catalog's order, with exactly one Default (its first, if none says so).</summary>
    public IReadOnlyList<ModelEntry> For(string route)
    {
        var entries = Entries.Where(e => SameRoute(e.Route, route)).ToList();
        if (entries.Count > 0 && !entries.Any(e => e.Default)) entries[0] = entries[0] with { Default = true };
        return entries;
    }

    /// <summary>Whether the catalog has entries of its own for <paramref name="route"/>.</summary>
    public bool Declares(string route) => Entries.Any(e => SameRoute(e.Route, route));

    private static bool SameRoute(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string ReadEmbedded()
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The module is missing its embedded model catalog '{ResourceName}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
