namespace Veo.Core.Pricing;

/// <summary>Puts quotes side by side with one route's, the way the gateways advertise their savings.</summary>
public static class PriceComparison
{
    /// <summary>
    /// Each quote, compared with <paramref name="referenceRoute"/>'s quote for the same model, seconds,
    /// resolution and count in the same list; quotes with no such counterpart are returned unchanged.
    /// </summary>
    public static IReadOnlyList<PriceQuote> Compare(IEnumerable<PriceQuote> quotes, string referenceRoute)
    {
        var list = quotes.ToList();
        var references = list
            .Where(q => string.Equals(q.Route, referenceRoute, StringComparison.OrdinalIgnoreCase))
            .GroupBy(Videos)
            // A route's price with sound is its reference: a silent video is compared with what the other route charges for one with sound.
            .ToDictionary(g => g.Key, g => g.OrderBy(q => q.Audio == false).First());

        // A model the reference route does not sell at all (Gemini Omni against Veo on Vertex AI) is compared with that route's
        // cheapest video of the same length, resolution and count, and says which model that was.
        var referenceModels = new HashSet<string>(references.Values.Select(r => r.Model));
        var cheapest = references.Values.GroupBy(r => (r.Seconds, r.Resolution, r.Count)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Cost).First());

        return list.Select(quote =>
            references.TryGetValue(Videos(quote), out var reference) ? Against(quote, reference, reference.Route)
            : !referenceModels.Contains(quote.Model) && cheapest.TryGetValue((quote.Seconds, quote.Resolution, quote.Count), out var other)
                ? Against(quote, other, $"{other.Route} {other.Model}")
                : quote).ToList();
    }

    private static PriceQuote Against(PriceQuote quote, PriceQuote reference, string comparedTo)
    {
        var difference = quote.Cost - reference.Cost;
        return quote with
        {
            ComparedTo = comparedTo,
            Difference = difference,
            PercentDifference = reference.Cost == 0
                ? null
                : Math.Round(difference / reference.Cost * 100, 1, MidpointRounding.AwayFromZero),
        };
    }

    // Two quotes are comparable when they buy the same videos.
    private static (string, int, string, int) Videos(PriceQuote q) => (q.Model, q.Seconds, q.Resolution, q.Count);
}
