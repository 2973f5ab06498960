using System.Globalization;

namespace Veo.Core.Pricing;

/// <summary>A model whose live catalog price is not what the price book says.</summary>
/// <param name="BookPrice">Null when the book has no price for this model on this route.</param>
public sealed record PriceDifference(
    string Route,
    string Model,
    decimal? BookPrice,
    decimal? LivePrice,
    Billing? BookBilling,
    Billing LiveBilling)
{
    public override string ToString() =>
        $"{Route} {Model}: book {Describe(BookPrice, BookBilling)}, live {Describe(LivePrice, LiveBilling)}";

    private static string Describe(decimal? price, Billing? billing) =>
        price is { } p && billing is { } b
            ? $"${p.ToString("0.00##", CultureInfo.InvariantCulture)} {(b == Billing.PerCall ? "per call" : "per second")}"
            : "no price";
}
