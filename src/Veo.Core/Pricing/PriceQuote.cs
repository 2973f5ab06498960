namespace Veo.Core.Pricing;

/// <summary>
/// What <paramref name="Count"/> videos of <paramref name="Seconds"/> seconds at <paramref name="Resolution"/>
/// cost on <paramref name="Route"/>, and the price row it was worked out from.
/// </summary>
/// <param name="Cost">UnitPrice × Count per call; UnitPrice × Seconds × Count per second.</param>
public sealed record PriceQuote(
    string Route,
    string Model,
    Billing Billing,
    decimal UnitPrice,
    int Seconds,
    string Resolution,
    int Count,
    decimal Cost,
    string Currency,
    string Source,
    DateTime AsOf)
{
    /// <summary>False for a silent video (priced lower on Vertex AI); true with sound; null where a route makes no difference.</summary>
    public bool? Audio { get; init; }

    /// <summary>The route this quote was compared with by <see cref="PriceComparison"/>; null until then.</summary>
    public string? ComparedTo { get; init; }

    /// <summary>Cost minus the reference route's cost for the same videos.</summary>
    public decimal? Difference { get; init; }

    /// <summary>Difference as a percentage of the reference cost, to 0.1; negative means cheaper.</summary>
    public decimal? PercentDifference { get; init; }

    internal static PriceQuote From(PriceRow row, int seconds, string resolution, int count)
    {
        var cost = row.Billing == Billing.PerSecond ? row.Price * seconds * count : row.Price * count;
        return new PriceQuote(row.Route, row.Model, row.Billing, row.Price, seconds, resolution, count,
            cost, row.Currency, row.Source, row.AsOf) { Audio = row.Audio };
    }
}
