using Veo.Core.Pricing;

namespace Veo.Core.Tests.Pricing;

public class PriceComparisonTests
{
    // Gemini Omni on the Gemini API against Veo on Vertex AI and the gateways, for one 8 s video: what -Compare shows.
    [Theory]
    [InlineData("720p", "Vertex", "1.20", "-0.3888", "-32.4")]
    [InlineData("720p", "LaoZhang", "0.30", "0.5112", "170.4")]
    [InlineData("720p", "Crazyrouter", "0.80", "0.0112", "1.4")]
    [InlineData("1080p", "Vertex", "1.20", "0.016", "1.3")]
    public void Gemini_Omni_is_compared_beside_Veo_on_Vertex_and_the_gateways(string resolution, string reference, string referenceCost, string difference, string percent)
    {
        var quotes = PriceBook.Default.Table(new PriceQuery { Resolution = resolution, Duration = 8 })
            .Where(q => q.Model is "gemini-omni-flash" or "veo-3.1-fast");

        var compared = PriceComparison.Compare(quotes, reference);

        var omni = Assert.Single(compared, q => q.Route == "Google");
        Assert.Equal(decimal.Parse(referenceCost, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(compared, q => q.Route == reference).Cost);
        Assert.Equal((reference + " veo-3.1-fast", decimal.Parse(difference, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)),
            (omni.ComparedTo, omni.Difference, omni.PercentDifference));
    }

    [Fact]
    public void Percentages_round_half_away_from_zero()
    {
        // 0.30 against 0.96 is exactly -68.75 %.
        var compared = PriceComparison.Compare(new[] { Quote("A", 0.30m), Quote("B", 0.96m) }, "B");

        Assert.Equal(-68.8m, compared[0].PercentDifference);
    }

    [Fact]
    public void A_dearer_quote_has_a_positive_difference()
    {
        var compared = PriceComparison.Compare(new[] { Quote("A", 1.50m), Quote("B", 1.20m) }, "B");

        Assert.Equal(0.30m, compared[0].Difference);
        Assert.Equal(25.0m, compared[0].PercentDifference);
    }

    [Fact]
    public void The_reference_route_is_compared_with_itself()
    {
        var compared = PriceComparison.Compare(new[] { Quote("B", 1.20m) }, "B");

        Assert.Equal(0m, compared[0].Difference);
        Assert.Equal(0m, compared[0].PercentDifference);
    }

    [Fact]
    public void Quotes_for_other_videos_than_the_references_are_left_uncompared()
    {
        var compared = PriceComparison.Compare(
            new[] { Quote("A", 0.30m, seconds: 4), Quote("A", 0.30m, resolution: "4k"), Quote("A", 0.30m, count: 2), Quote("B", 0.96m) },
            "B");

        Assert.All(compared.Take(3), q => Assert.Null(q.ComparedTo));
    }

    [Fact]
    public void A_free_reference_has_no_percentage()
    {
        var compared = PriceComparison.Compare(new[] { Quote("A", 1m), Quote("B", 0m) }, "B");

        Assert.Equal(1m, compared[0].Difference);
        Assert.Null(compared[0].PercentDifference);
    }

    private static PriceQuote Quote(string route, decimal cost, int seconds = 8, string resolution = "1080p", int count = 1) =>
        new(route, "veo-3.1-fast", Billing.PerCall, cost, seconds, resolution, count, cost, "USD", "test", new DateTime(2026, 1, 1));
}
