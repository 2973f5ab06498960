namespace Veo.Core.Pricing;

/// <summary>What makes two rows the same price: an override with an equal key replaces the row.</summary>
internal readonly record struct PriceKey(string Route, string Model, string? Resolution, bool? Audio)
{
    public static PriceKey Of(PriceRow row) =>
        new(row.Route.ToUpperInvariant(), row.Model, row.Resolution, row.Audio);
}
