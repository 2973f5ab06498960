using Veo.Core.Pricing;

namespace Veo.Core.Tests.Pricing;

public class PriceComparisonTests
{
    // The table the LaoZhang document prints (APIS.md section 4): its per-call price against Google's 8 s prices.
    [Theory]
    [InlineData("veo-3.1-fast-generate-preview", "1080p", "0.30", "0.96", "-0.66", "-68.8")]
    [InlineData("veo-3.1-fast-generate-preview", "4k", "0.30", "2.40", "-2.10", "-87.5")]
    [InlineData("veo-3.1-generate-preview", "1080p", "1.20", "3.20", "-2.00", "-62.5")]
    [InlineData("veo-3.1-generate-preview", "4k", "1.20", "4.80", "-3.60", "-75.0")]
    public void LaoZhang_against_Google_reproduces_the_gateway_documents_table(
        string model, string resolution, string laoZhangCost, string googleCost, string difference, string percent)
    {
        var quotes = PriceBook.Default.Table(new PriceQuery { Model = model, Resolution = resolution, Duration = 8 })
            .Where(q => q.Route is "LaoZhang" or "Google");

        var compared = PriceComparison.Compare(quotes, "Google");

        var google = Assert.Single(compared, q => q.Route == "Google");
        var laoZhang = Assert.Single(compared, q => q.Route == "LaoZhang");
        Assert.Equal(decimal.Parse(googleCost), google.Cost);
        Assert.Equal(decimal.Parse(laoZhangCost), laoZhang.Cost);
        Assert.Equal("Google", laoZhang.ComparedTo);
        Assert.Equal(decimal.Parse(difference), laoZhang.Difference);
        Assert.Equal(decimal.Parse(percent), laoZhang.PercentDifference);
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
