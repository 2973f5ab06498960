using Veo.Core.Requests;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Veo.Core.Pricing;

/// <summary>
/// The price book's file format, shared by the embedded book and users' override files:
/// a JSON array of rows. Every row must say where its price came from and when.
/// </summary>
internal static class PriceBookFile
{
    /// <summary>Parses and checks every row; <paramref name="fileName"/> names the file in errors.</summary>
    public static IReadOnlyList<PriceRow> Parse(string json, string fileName)
    {
        List<PriceRowJson>? wire;
        try
        {
            wire = JsonSerializer.Deserialize(json, PriceBookJsonContext.Default.ListPriceRowJson);
        }
        catch (JsonException e)
        {
            throw new PriceBookFormatException(fileName, null, $"not a JSON array of price rows ({e.Message})", e);
        }
        if (wire is null)
            throw new PriceBookFormatException(fileName, null, "expected a JSON array of price rows, found null");

        var rows = new List<PriceRow>(wire.Count);
        var seen = new Dictionary<PriceKey, int>();
        for (var i = 0; i < wire.Count; i++)
        {
            var number = i + 1;
            var row = ToRow(wire[i], message => new PriceBookFormatException(fileName, number, message));
            if (seen.TryGetValue(PriceKey.Of(row), out var first))
                throw new PriceBookFormatException(fileName, number,
                    $"repeats the route, model, resolution and audio of row {first} ({Describe(row)})");
            seen.Add(PriceKey.Of(row), number);
            rows.Add(row);
        }
        return rows;
    }

    private static PriceRow ToRow(PriceRowJson? row, Func<string, Exception> bad)
    {
        if (row is null) throw bad("is null, expected an object");
        var route = Required(row.Route, "route");
        var model = Required(row.Model, "model");
        // From here on the message names the row too, which is easier to find than its number.
        Exception Bad(string problem) => bad($"({route} {model}) {problem}");

        var source = Required(row.Source, "source", Bad);
        var asOf = Required(row.AsOf, "asOf", Bad);
        var billingText = Required(row.Billing, "billing", Bad);
        if (!TryParseBilling(billingText, out var billing))
            throw Bad($"billing '{billingText}' is not PerCall or PerSecond");
        if (row.Price is not { } price)
            throw Bad("has no 'price'");
        if (price < 0)
            throw Bad($"price {price} is negative");
        var resolution = Resolutions.Normalize(row.Resolution);
        if (row.Resolution is not null && resolution is null)
            throw Bad($"resolution '{row.Resolution}' is not one of {string.Join(", ", Resolutions.All)} (leave it out for every resolution)");
        if (!DateTime.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw Bad($"asOf '{asOf}' is not a yyyy-MM-dd date");

        return new PriceRow(route, ModelFamily.Of(model), billing, price, resolution,
            string.IsNullOrWhiteSpace(row.Currency) ? "USD" : row.Currency!.Trim(), source, date,
            string.IsNullOrWhiteSpace(row.Note) ? null : row.Note, row.Audio);

        string Required(string? value, string name, Func<string, Exception>? fail = null) =>
            string.IsNullOrWhiteSpace(value) ? throw (fail ?? bad)($"has no '{name}'") : value!.Trim();
    }

    // Accepts PerCall, perCall and per_call alike: people write all three.
    private static bool TryParseBilling(string text, out Billing billing)
    {
        var name = text.Replace("_", "").Replace("-", "");
        foreach (Billing candidate in Enum.GetValues(typeof(Billing)))
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                billing = candidate;
                return true;
            }
        }
        billing = default;
        return false;
    }

    private static string Describe(PriceRow row) =>
        $"{row.Route} {row.Model} {row.Resolution ?? "any resolution"}{(row.Audio switch { true => " with audio", false => " silent", _ => "" })}";
}

/// <summary>One row as written in a price book file; everything optional here so the checks can name what is missing.</summary>
internal sealed class PriceRowJson
{
    public string? Route { get; set; }
    public string? Model { get; set; }
    public string? Billing { get; set; }
    public decimal? Price { get; set; }
    public string? Resolution { get; set; }
    public string? Currency { get; set; }
    public string? Source { get; set; }
    public string? AsOf { get; set; }
    public string? Note { get; set; }
    /// <summary>true: the price of a video with sound; false: of a silent one; absent: the same either way.</summary>
    public bool? Audio { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(List<PriceRowJson>))]
internal sealed partial class PriceBookJsonContext : JsonSerializerContext
{
}
