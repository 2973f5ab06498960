using System.Text.Json;
using System.Text.Json.Serialization;

namespace Veo.Core.Routes;

/// <summary>
/// The built-in routes plus the gateways a user registered, kept in routes.json in the user's
/// config folder (VEO_HOME overrides). A registered gateway borrows the models and rules of the
/// built-in route of its dialect unless it names its own model ids. No key is ever stored here.
/// </summary>
public sealed class RouteRegistry
{
    public RouteRegistry(string settingsPath)
    {
        SettingsPath = settingsPath;
    }

    public string SettingsPath { get; }

    public static RouteRegistry Default() => new(Path.Combine(ConfigFolder(), "routes.json"));

    public static string ConfigFolder()
    {
        var home = Environment.GetEnvironmentVariable("VEO_HOME");
        if (!string.IsNullOrWhiteSpace(home)) return home!;
        var config = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(string.IsNullOrEmpty(config) ? Path.GetTempPath() : config, "Veo");
    }

    public IReadOnlyList<VideoRoute> All => BuiltInRoutes.All.Concat(Load().Select(ToRoute)).ToList();

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
        // A gateway's own ids may be spelled its own way, but each must name a Veo model the rules and prices know.
        foreach (var id in modelIds ?? Array.Empty<string>())
        {
            if (!string.IsNullOrWhiteSpace(id) && !Pricing.ModelFamily.Of(id).StartsWith("veo-", StringComparison.Ordinal))
                throw new ArgumentException($"'{id}' is not a Veo model id. Veo 3.1 ids look like veo-3.1-fast-generate-preview, veo-3.1-fast or veo3.1 (Fast and Standard are the families).");
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

    private static VideoRoute ToRoute(RouteEntry entry)
    {
        var template = BuiltInRoutes.TemplateFor(entry.Dialect);
        var models = entry.Models is { Count: > 0 } ids
            ? ids.Select(id => ModelOf(template, id)).ToList()
            : template.Models;
        // A registered gateway's quota is what it was registered with: the built-in route's numbers are that service's own.
        return new VideoRoute(entry.Name, entry.Dialect, entry.BaseUri, entry.KeyVariable, models, template.Capabilities)
        {
            Quota = RouteQuota.None.With(entry.RequestsPerMinute, entry.MaxRunning, $"{entry.Name}: set by Register-VeoRoute"),
        };
    }

    /// <summary>A gateway's own id for a model keeps what the built-in route's model of that family may do (Lite makes no 4K).</summary>
    private static RouteModel ModelOf(VideoRoute template, string id)
    {
        var family = Pricing.ModelFamily.Of(id);
        return new RouteModel(family, id) { Capabilities = template.Models.FirstOrDefault(m => m.Family == family)?.Capabilities };
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
