using System.Globalization;

namespace Veo.Core.Pricing;

/// <summary>
/// What a batch of quotes costs in all (Get-VeoPrice -Total): summed as decimals, so 491 videos cost exactly $147.30
/// (Measure-Object sums in floating point and gives 147.29999999999987). One per currency.
/// </summary>
public sealed record PriceTotal(int Videos, decimal Cost, string Currency)
{
    public static IReadOnlyList<PriceTotal> Of(IEnumerable<PriceQuote> quotes) =>
        quotes.GroupBy(q => q.Currency, StringComparer.OrdinalIgnoreCase)
            .Select(g => new PriceTotal(g.Sum(q => q.Count), g.Sum(q => q.Cost), g.Key)).ToList();

    public override string ToString() => $"{Videos} video(s): {Cost.ToString("0.00##", CultureInfo.InvariantCulture)} {Currency}";
}
