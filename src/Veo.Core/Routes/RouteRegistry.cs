using System.Text.Json;
using System.Text.Json.Serialization;
using Veo.Core.Models;

namespace Veo.Core.Routes;

/// <summary>
/// The built-in routes plus the gateways a user registered, kept in routes.json in the user's
/// config folder (VEO_HOME overrides), each with its models from the catalog (models.json beside it adds or replaces
/// entries). A registered gateway borrows the models of the built-in route of its dialect unless the catalog declares
/// its own (or it was registered with ids of those families). No key is ever stored here.
/// </summary>
public sealed class RouteRegistry
{
    /// <summary>
    /// The models a gateway of the template's dialect borrows: the catalog's for that built-in route (user entries included),
    /// or, for the Gemini dialect no built-in route speaks any more, the template's own Veo models.
    /// </summary>
    private IReadOnlyList<ModelEntry> TemplateModels(VideoRoute template) =>
        BuiltInRoutes.All.Contains(template) ? Catalog.For(template.Name) : template.Models;

    private readonly object _catalogLock = new();
    private (DateTime Written, long Length, ModelCatalog Catalog)? _catalog;

    /// <param name="catalogPath">The user's models.json; null for models.json beside <paramref name="settingsPath"/>.</param>
    public RouteRegistry(string settingsPath, string? catalogPath = null)
    {
        SettingsPath = settingsPath;
        CatalogPath = catalogPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settingsPath))!, ModelCatalog.FileName);
    }

    public string SettingsPath { get; }

    /// <summary>The user's models.json (it may not exist).</summary>
    public string CatalogPath { get; }

    /// <summary>
    /// The built-in catalog merged with the user's models.json: read when first needed (so a bad file is an error of the
    /// command that needs models, naming the entry) and again whenever the file changes, as routes.json is.
    /// </summary>
    public ModelCatalog Catalog
    {
        get
        {
            var file = new FileInfo(CatalogPath);
            var stamp = file.Exists ? (file.LastWriteTimeUtc, file.Length) : (DateTime.MinValue, -1L);
            lock (_catalogLock)
            {
                if (_catalog is { } read && read.Written == stamp.Item1 && read.Length == stamp.Item2) return read.Catalog;
                var catalog = ModelCatalog.Load(CatalogPath);
                _catalog = (stamp.Item1, stamp.Item2, catalog);
                return catalog;
            }
        }
    }

    public static RouteRegistry Default() => new(Path.Combine(ConfigFolder(), "routes.json"));

    public static string ConfigFolder()
    {
        var home = Environment.GetEnvironmentVariable("VEO_HOME");
        if (!string.IsNullOrWhiteSpace(home)) return home!;
        var config = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(string.IsNullOrEmpty(config) ? Path.GetTempPath() : config, "Veo");
    }

    public IReadOnlyList<VideoRoute> All =>
        BuiltInRoutes.All.Select(r => Catalog.OverridesPath is null ? r : r with { Models = Catalog.For(r.Name) })
            .Concat(Load().Select(ToRoute)).ToList();

    public VideoRoute? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    public bool IsBuiltIn(string name) => BuiltInRoutes.Find(name) is not null;

    /// <param name="requestsPerMinute">The gateway's creates a minute per key; null or 0 for no limit.</param>
    /// <param name="maxRunning">The gateway's tasks running at once per key; null or 0 for no limit.</param>
    public VideoRoute Register(string name, Dialect dialect, Uri baseUri, string keyVariable, IReadOnlyList<string>? modelIds,
        int? requestsPerMinute = null, int? maxRunning = null)
    {
        if (requestsPerMinute < 0 || maxRunning < 0) throw new ArgumentException("A quota cannot be negative; 0 means no limit.");
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => !char.IsLetterOrDigit(c) && c != '-' && c != '_'))
            throw new ArgumentException($"'{name}' is not a usable route name; use letters, digits, - and _.");
        if (IsBuiltIn(name)) throw new ArgumentException($"'{name}' is a built-in route; choose another name (or use Connect-Veo -BaseUri to move it).");
        if (string.IsNullOrWhiteSpace(keyVariable) || keyVariable.Any(char.IsWhiteSpace))
            throw new ArgumentException($"'{keyVariable}' is not an environment variable name.");
        // Each id must be one the catalog can describe: of a family the dialect's built-in route serves, or declared.
        var template = BuiltInRoutes.TemplateFor(dialect);
        foreach (var id in modelIds ?? Array.Empty<string>())
        {
            if (!string.IsNullOrWhiteSpace(id) && ModelOf(name.Trim(), template, id.Trim()) is null)
                throw new ArgumentException(Undeclared(id.Trim(), name.Trim(), template));
        }
        var entry = new RouteEntry
        {
            Name = name.Trim(),
            Dialect = dialect,
            BaseUri = RouteUris.Normalize(baseUri),
            KeyVariable = keyVariable.Trim(),
            Models = modelIds?.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList(),
            RequestsPerMinute = requestsPerMinute is > 0 ? requestsPerMinute : null,
            MaxRunning = maxRunning is > 0 ? maxRunning : null,
        };
        var route = ToRoute(entry);
        Save(Load().Where(e => !string.Equals(e.Name, entry.Name, StringComparison.OrdinalIgnoreCase)).Append(entry).ToList());
        return route;
    }

    public bool Unregister(string name)
    {
        var entries = Load();
        var kept = entries.Where(e => !string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (kept.Count == entries.Count) return false;
        Save(kept);
        return true;
    }

    /// <summary>
    /// How to make an id the catalog lacks usable: an entry in models.json, whose limits are what the rules then check and
    /// whose Family is what the price book is asked for.
    /// </summary>
    public string Undeclared(string id, string route, VideoRoute template) =>
        $"'{id}' is not in the model catalog for route {route}, so what it takes (modes, durations, resolutions) is not known. " +
        $"Declare it in {CatalogPath}: an entry with Route '{route}' and Id '{id}', e.g. " +
        $"Get-VeoModel -Route {template.Name} | Select-Object -First 1 | ForEach-Object {{ $_.Route = '{route}'; $_.Id = '{id}'; $_ }} | ConvertTo-Json -Depth 5 -AsArray, " +
        "edited to what the service documents.";

    private VideoRoute ToRoute(RouteEntry entry)
    {
        var template = BuiltInRoutes.TemplateFor(entry.Dialect);
        // Declared entries first, then any id it was registered with that borrows a built-in model of its family.
        var declared = Catalog.For(entry.Name);
        var registered = (entry.Models ?? new List<string>())
            .Where(id => !declared.Any(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase)))
            .Select(id => ModelOf(entry.Name, template, id)).OfType<ModelEntry>();
        var models = declared.Concat(registered).ToList();
        if (models.Count == 0) models = TemplateModels(template).Select(m => m with { Route = entry.Name }).ToList();
        else if (!models.Any(m => m.Default)) models[0] = models[0] with { Default = true };
        // A registered gateway's quota is what it was registered with: the built-in route's numbers are that service's own.
        return new VideoRoute(entry.Name, entry.Dialect, entry.BaseUri, entry.KeyVariable, models, template.Capabilities)
        {
            Quota = RouteQuota.None.With(entry.RequestsPerMinute, entry.MaxRunning, $"{entry.Name}: set by Register-VeoRoute"),
        };
    }

    /// <summary>
    /// A gateway's model: its own declaration, or the built-in route's model of the id's family (a gateway spells ids its
    /// own way: veo3.1-fast is the built-in route's Fast, and keeps what that model may do); null when neither.
    /// </summary>
    private ModelEntry? ModelOf(string route, VideoRoute template, string id)
    {
        var declared = Catalog.For(route).FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));
        if (declared is not null) return declared;
        var family = Pricing.ModelFamily.Of(id);
        var borrowed = TemplateModels(template).FirstOrDefault(m => m.Family == family);
        return borrowed is null ? null : borrowed with { Route = route, Id = id, Default = false };
    }

    private List<RouteEntry> Load()
    {
        if (!File.Exists(SettingsPath)) return new List<RouteEntry>();
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(SettingsPath), RouteSettingsJsonContext.Default.ListRouteEntry) ?? new List<RouteEntry>();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The route settings '{SettingsPath}' are not valid JSON ({e.Message}). Fix or delete the file.", e);
        }
    }

    private void Save(List<RouteEntry> entries)
    {
        var temporary = SettingsPath + ".tmp";
        Internal.PrivateFiles.EnsureFile(temporary);
        File.WriteAllText(temporary, JsonSerializer.Serialize(entries, RouteSettingsJsonContext.Default.ListRouteEntry));
        if (File.Exists(SettingsPath)) File.Delete(SettingsPath);
        File.Move(temporary, SettingsPath);
    }
}

/// <summary>One registered gateway as routes.json stores it.</summary>
internal sealed record RouteEntry
{
    public string Name { get; init; } = "";
    public Dialect Dialect { get; init; }
    public Uri BaseUri { get; init; } = null!;
    public string KeyVariable { get; init; } = "";
    public List<string>? Models { get; init; }
    public int? RequestsPerMinute { get; init; }
    public int? MaxRunning { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<RouteEntry>))]
internal sealed partial class RouteSettingsJsonContext : JsonSerializerContext
{
}
