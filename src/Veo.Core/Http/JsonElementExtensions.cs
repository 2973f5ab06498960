using System.Globalization;
using System.Text.Json;

namespace Veo.Core.Http;

/// <summary>Tolerant field reads: gateways send numbers as strings and strings as numbers.</summary>
internal static class JsonElementExtensions
{
    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name) => e.Prop(name) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    /// <summary>A number, also when sent as text, and as new-api sends progress: "40%".</summary>
    public static long? Long(this JsonElement e, string name) =>
        e.Str(name) is { } s && double.TryParse(s.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) && !double.IsInfinity(d)
            ? (long)Math.Max(long.MinValue, Math.Min(long.MaxValue, d))
            : null;

    public static bool? Bool(this JsonElement e, string name) => e.Prop(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>
    /// Unix time in seconds or, as some gateways send it, milliseconds or microseconds; null for anything else, since
    /// a timestamp is never worth losing a task over.
    /// </summary>
    public static DateTimeOffset? UnixTime(this JsonElement e, string name)
    {
        if (e.Long(name) is not { } value || value <= 0) return null;
        var seconds = value switch
        {
            > 100_000_000_000_000 => value / 1_000_000,
            > 100_000_000_000 => value / 1_000,
            _ => value,
        };
        return seconds <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }
}
