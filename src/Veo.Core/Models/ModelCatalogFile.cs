using System.Globalization;
using System.Text.Json;
using Veo.Core.Requests;

namespace Veo.Core.Models;

/// <summary>
/// The catalog's file format, shared by the embedded models.json and a user's $env:VEO_HOME/models.json: a JSON array of
/// entries with the property names of <see cref="ModelEntry"/>, read case-insensitively, comments and trailing commas
/// allowed. Every entry must say where its facts come from and when. An enum may be its name or its number, because
/// PowerShell's ConvertTo-Json writes numbers (Get-VeoModel | ConvertTo-Json is a valid file). The file is only read.
/// </summary>
internal static class ModelCatalogFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 };

    private static readonly string[] EntryFields =
    {
        nameof(ModelEntry.Route), nameof(ModelEntry.Id), nameof(ModelEntry.Family), nameof(ModelEntry.Default), nameof(ModelEntry.Status),
        nameof(ModelEntry.DeprecatedOn), nameof(ModelEntry.ShutDownOn), nameof(ModelEntry.Replacement), nameof(ModelEntry.Modes),
        nameof(ModelEntry.Durations), nameof(ModelEntry.Resolutions), nameof(ModelEntry.EightSecondsOnly), nameof(ModelEntry.AspectRatios),
        nameof(ModelEntry.Audio), nameof(ModelEntry.MaxReferenceImages), nameof(ModelEntry.Extension), nameof(ModelEntry.Source),
        nameof(ModelEntry.AsOf), nameof(ModelEntry.Note),
    };

    private static readonly string[] ExtensionFields =
    {
        nameof(ExtensionLimits.AddedSeconds), nameof(ExtensionLimits.MaxSourceSeconds), nameof(ExtensionLimits.MaxTotalSeconds),
        nameof(ExtensionLimits.MaxExtensions), nameof(ExtensionLimits.Resolutions), nameof(ExtensionLimits.SourceLifetimeDays),
    };

    /// <summary>Parses and checks every entry; <paramref name="fileName"/> names the file in errors.</summary>
    public static IReadOnlyList<ModelEntry> Parse(string json, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new ModelCatalogFormatException(fileName, null, $"not a JSON array of model entries ({e.Message})", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new ModelCatalogFormatException(fileName, null, $"expected a JSON array of model entries, found {Describe(document.RootElement)}");
            var entries = new List<ModelEntry>();
            var seen = new Dictionary<(string, string), int>();
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var at = ++number;
                var entry = ToEntry(new Fields(element, EntryFields, problem => new ModelCatalogFormatException(fileName, at, problem)));
                var key = (entry.Route.ToUpperInvariant(), entry.Id.ToUpperInvariant());
                if (seen.TryGetValue(key, out var first))
                    throw new ModelCatalogFormatException(fileName, at, $"({entry.Route} {entry.Id}) repeats the route and id of entry {first}");
                seen.Add(key, at);
                entries.Add(entry);
            }
            if (entries.GroupBy(e => e.Route, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count(e => e.Default) > 1) is { } twice)
                throw new ModelCatalogFormatException(fileName, seen[(twice.Key.ToUpperInvariant(), twice.Where(e => e.Default).Last().Id.ToUpperInvariant())],
                    $"({twice.Key}) is a second Default model of route {twice.Key}; a route has one (set Default: false on all but one)");
            return entries;
        }
    }

    private static ModelEntry ToEntry(Fields f)
    {
        var route = f.String(nameof(ModelEntry.Route), required: true)!;
        if (route.Any(c => !char.IsLetterOrDigit(c) && c != '-' && c != '_'))
            throw f.Bad($"Route '{route}' is not a route name (letters, digits, - and _)");
        var id = f.String(nameof(ModelEntry.Id), required: true)!;
        // The id goes into a URL path on Google's dialects: nothing that would leave the models/ segment.
        if (id.Any(c => !char.IsLetterOrDigit(c) && ".-_:/".IndexOf(c) < 0) || id.Contains("..") || id.StartsWith("/", StringComparison.Ordinal))
            throw f.Bad($"Id '{id}' is not a model id (letters, digits, '.', '-', '_', ':' and '/')");
        // From here on the message names the entry too, which is easier to find than its number.
        f = f.Named($"({route} {id}) ");

        var status = f.Enum<ModelStatus>(nameof(ModelEntry.Status)) ?? ModelStatus.Live;
        var deprecatedOn = f.Date(nameof(ModelEntry.DeprecatedOn));
        var shutDownOn = f.Date(nameof(ModelEntry.ShutDownOn));
        if (status == ModelStatus.Deprecated && deprecatedOn is null) throw f.Bad("is Deprecated but has no 'DeprecatedOn' date");
        if (status == ModelStatus.ShutDown && shutDownOn is null) throw f.Bad("is ShutDown but has no 'ShutDownOn' date");
        var replacement = f.String(nameof(ModelEntry.Replacement));
        if (string.Equals(replacement, id, StringComparison.OrdinalIgnoreCase)) throw f.Bad("names itself as its Replacement");

        var modes = f.EnumArray<GenerationMode>(nameof(ModelEntry.Modes));
        var resolutions = f.Resolutions(nameof(ModelEntry.Resolutions));
        var eightOnly = f.Resolutions(nameof(ModelEntry.EightSecondsOnly), required: false);
        if (eightOnly.FirstOrDefault(r => !resolutions.Contains(r)) is { } stray)
            throw f.Bad($"EightSecondsOnly names {stray}, which is not one of its Resolutions");
        var aspects = f.Strings(nameof(ModelEntry.AspectRatios), required: true).Select(a => VideoFormat.NormalizeAspectRatio(a)).ToList();
        if (aspects.FirstOrDefault(a => !VideoFormat.AspectRatios.Contains(a)) is { } aspect)
            throw f.Bad($"AspectRatios holds '{aspect}', which is not one of {string.Join(", ", VideoFormat.AspectRatios)}");
        var references = f.Int(nameof(ModelEntry.MaxReferenceImages)) ?? 0;
        if (references < 0) throw f.Bad("MaxReferenceImages is negative");
        if (modes.Contains(GenerationMode.ReferenceImages) != references > 0)
            throw f.Bad("has the ReferenceImages mode only together with MaxReferenceImages above 0 (give both or neither)");
        var extension = f.Object(nameof(ModelEntry.Extension), ExtensionFields) is { } limits ? ToExtension(limits) : null;
        if (modes.Contains(GenerationMode.Extension) != extension is not null)
            throw f.Bad("has the Extension mode only together with an 'Extension' object (give both or neither)");

        return new ModelEntry
        {
            Route = route,
            Id = id,
            Family = f.String(nameof(ModelEntry.Family), required: true)!,
            Default = f.Bool(nameof(ModelEntry.Default)) ?? false,
            Status = status,
            DeprecatedOn = deprecatedOn,
            ShutDownOn = shutDownOn,
            Replacement = replacement,
            Modes = modes,
            Durations = f.Ints(nameof(ModelEntry.Durations), 1, 600)!,
            Resolutions = resolutions,
            EightSecondsOnly = eightOnly,
            AspectRatios = aspects,
            Audio = f.Enum<AudioSupport>(nameof(ModelEntry.Audio)) ?? throw f.Bad("has no 'Audio' (Always, Optional or None)"),
            MaxReferenceImages = references,
            Extension = extension,
            Source = f.String(nameof(ModelEntry.Source), required: true)!,
            AsOf = f.Date(nameof(ModelEntry.AsOf)) ?? throw f.Bad("has no 'AsOf' (the yyyy-MM-dd its facts were read)"),
            Note = f.String(nameof(ModelEntry.Note)),
        };
    }

    private static ExtensionLimits ToExtension(Fields f) => new()
    {
        AddedSeconds = f.Ints(nameof(ExtensionLimits.AddedSeconds), 1, 600)!,
        MaxSourceSeconds = f.Int(nameof(ExtensionLimits.MaxSourceSeconds), 1) ?? throw f.Bad("has no 'MaxSourceSeconds'"),
        MaxTotalSeconds = f.Int(nameof(ExtensionLimits.MaxTotalSeconds), 1),
        MaxExtensions = f.Int(nameof(ExtensionLimits.MaxExtensions), 1),
        Resolutions = f.Resolutions(nameof(ExtensionLimits.Resolutions)),
        SourceLifetimeDays = f.Int(nameof(ExtensionLimits.SourceLifetimeDays), 1),
    };

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the text \"{Shorten(e.GetString()!)}\"",
        _ => e.GetRawText(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";

    /// <summary>One object's fields by name (case-insensitive), each read once with an error that names it.</summary>
    private sealed class Fields
    {
        private readonly Dictionary<string, JsonElement> _values = new(StringComparer.OrdinalIgnoreCase);
        private readonly Func<string, Exception> _bad;
        private readonly string _prefix;

        public Fields(JsonElement element, IReadOnlyList<string> known, Func<string, Exception> bad, string prefix = "")
        {
            _bad = bad;
            _prefix = prefix;
            if (element.ValueKind != JsonValueKind.Object) throw Bad($"is {Describe(element)}, expected an object");
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                    throw Bad($"has an unknown field '{Shorten(property.Name)}'; the fields are {string.Join(", ", known)}");
                if (_values.ContainsKey(property.Name)) throw Bad($"names '{property.Name}' twice");
                _values.Add(property.Name, property.Value);
            }
        }

        private Fields(Fields from, string prefix)
        {
            _values = from._values;
            _bad = from._bad;
            _prefix = prefix;
        }

        public Fields Named(string prefix) => new(this, prefix);

        public Exception Bad(string problem) => _bad(_prefix + problem);

        private JsonElement? Value(string name) =>
            _values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        public string? String(string name, bool required = false)
        {
            if (Value(name) is not { } value) return required ? throw Bad($"has no '{name}'") : null;
            if (value.ValueKind != JsonValueKind.String) throw Bad($"'{name}' is {Describe(value)}, expected text");
            var text = value.GetString()!.Trim();
            return text.Length > 0 ? text : required ? throw Bad($"has an empty '{name}'") : null;
        }

        public bool? Bool(string name) => Value(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { } other => throw Bad($"'{name}' is {Describe(other)}, expected true or false"),
        };

        public int? Int(string name, int min = int.MinValue)
        {
            if (Value(name) is not { } value) return null;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number)) throw Bad($"'{name}' is {Describe(value)}, expected a whole number");
            return number >= min ? number : throw Bad($"'{name}' is {number}, expected at least {min}");
        }

        public IReadOnlyList<int> Ints(string name, int min, int max)
        {
            var items = Array(name, required: true);
            return items.Select(item => item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var n) && n >= min && n <= max
                ? n : throw Bad($"'{name}' holds {Describe(item)}, expected whole numbers from {min} to {max}")).Distinct().OrderBy(n => n).ToList();
        }

        public IReadOnlyList<string> Strings(string name, bool required) =>
            Array(name, required).Select(item => item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())
                ? item.GetString()!.Trim() : throw Bad($"'{name}' holds {Describe(item)}, expected text")).ToList();

        public IReadOnlyList<string> Resolutions(string name, bool required = true) =>
            Strings(name, required).Select(r => Requests.Resolutions.Normalize(VideoFormat.NormalizeResolution(r))
                ?? throw Bad($"'{name}' holds '{Shorten(r)}', which is not one of {string.Join(", ", Requests.Resolutions.All)}"))
                .Distinct().OrderBy(Requests.Resolutions.Rank).ToList();

        public T? Enum<T>(string name) where T : struct, Enum => Value(name) is { } value ? EnumOf<T>(name, value) : null;

        public IReadOnlyList<T> EnumArray<T>(string name) where T : struct, Enum =>
            Array(name, required: true).Select(item => EnumOf<T>(name, item)).Distinct().ToList();

        private T EnumOf<T>(string name, JsonElement value) where T : struct, Enum
        {
            var names = System.Enum.GetNames(typeof(T));
            if (value.ValueKind == JsonValueKind.String && names.FirstOrDefault(n => string.Equals(n, value.GetString()!.Trim(), StringComparison.OrdinalIgnoreCase)) is { } match)
                return (T)System.Enum.Parse(typeof(T), match);
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && System.Enum.IsDefined(typeof(T), number))
                return (T)System.Enum.ToObject(typeof(T), number);
            throw Bad($"'{name}' holds {Describe(value)}, expected one of {string.Join(", ", names)}");
        }

        /// <summary>
        /// yyyy-MM-dd, or the date of what ConvertTo-Json writes for a DateTime: an ISO 8601 time (PowerShell 7) or
        /// "/Date(milliseconds)/" (Windows PowerShell 5.1).
        /// </summary>
        public DateTime? Date(string name)
        {
            if (String(name) is not { } text) return null;
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            if (text.StartsWith("/Date(", StringComparison.Ordinal) && text.EndsWith(")/", StringComparison.Ordinal)
                && long.TryParse(text.Substring(6, text.Length - 8), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds)
                && milliseconds is > -62135596800000 and < 253402300800000)
                // 5.1 writes a date without a zone as local time turned to UTC: turned back, it is the date written.
                return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).LocalDateTime.Date;
            if (text.Length > 10 && text[10] == 'T' && DateTime.TryParseExact(text.Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return date;
            throw Bad($"'{name}' is '{Shorten(text)}', expected a yyyy-MM-dd date");
        }

        public Fields? Object(string name, IReadOnlyList<string> known) =>
            Value(name) is { } value ? new Fields(value, known, problem => Bad($"{name} {problem}")) : null;

        private IReadOnlyList<JsonElement> Array(string name, bool required)
        {
            if (Value(name) is not { } value) return required ? throw Bad($"has no '{name}'") : System.Array.Empty<JsonElement>();
            if (value.ValueKind != JsonValueKind.Array) throw Bad($"'{name}' is {Describe(value)}, expected an array");
            var items = value.EnumerateArray().ToList();
            return items.Count > 0 || !required ? items : throw Bad($"has an empty '{name}'");
        }
    }
}
