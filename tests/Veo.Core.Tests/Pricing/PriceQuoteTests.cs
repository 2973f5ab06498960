using Veo.Core.Pricing;

namespace Veo.Core.Tests.Pricing;

public class PriceQuoteTests
{
    private static readonly PriceBook Book = PriceBook.Default;

    [Theory]
    [InlineData(4, "720p")]
    [InlineData(8, "4k")]
    public void A_per_call_price_ignores_duration_and_resolution(int seconds, string resolution)
    {
        var quote = Book.Quote("LaoZhang", "veo-3.1", seconds, resolution)!;

        Assert.Equal(Billing.PerCall, quote.Billing);
        Assert.Equal(1.20m, quote.Cost);
    }

    [Fact]
    public void A_per_call_cost_is_the_unit_price_times_the_count()
    {
        Assert.Equal(0.90m, Book.Quote("LaoZhang", "veo-3.1-fast", 8, "1080p", count: 3)!.Cost);
    }

    [Fact]
    public void A_per_second_cost_is_the_unit_price_times_seconds_times_count()
    {
        var quote = Book.Quote("Vertex", "veo-3.1", 6, "720p", count: 2)!;

        Assert.Equal(Billing.PerSecond, quote.Billing);
        Assert.Equal(0.40m, quote.UnitPrice);
        Assert.Equal(4.80m, quote.Cost);
    }

    [Fact]
    public void A_quote_carries_the_row_it_came_from()
    {
        var quote = Book.Quote("Crazyrouter", "veo-3.1-fast", 8, "720p")!;

        Assert.Equal(
            new PriceQuote("Crazyrouter", "veo-3.1-fast", Billing.PerSecond, 0.10m, 8, "720p", 1, 0.80m, "USD",
                quote.Source, new DateTime(2026, 6, 6)),
            quote);
        Assert.Contains("crazyrouter.com/api/pricing", quote.Source);
        Assert.Null(quote.ComparedTo);
    }

    [Theory]
    [InlineData("veo-3.1-fast-generate-preview", "veo-3.1-fast")]
    [InlineData("veo-3.1-generate-001", "veo-3.1")]
    [InlineData("models/veo-3.1-fast-generate-preview", "veo-3.1-fast")]
    [InlineData("veo3.1-fast", "veo-3.1-fast")]
    [InlineData("VEO-3.1", "veo-3.1")]
    public void A_route_model_id_is_priced_as_its_family(string modelId, string family)
    {
        Assert.Equal(family, Book.Quote("Vertex", modelId, 8, "1080p")!.Model);
    }

    [Fact]
    public void Route_and_resolution_are_matched_whatever_their_case()
    {
        Assert.Equal(2.80m, Book.Quote("vertex", "veo-3.1-fast", 8, "4K")!.Cost);
    }

    [Theory]
    [InlineData("Crazyrouter", "veo-3.1", "1080p")]
    [InlineData("Nowhere", "veo-3.1", "720p")]
    [InlineData("Vertex", "veo-3.1-pro", "720p")]
    [InlineData("Google", "veo-3.1-fast", "720p")]
    public void No_price_in_the_book_is_no_quote(string route, string model, string resolution)
    {
        Assert.Null(Book.Quote(route, model, 8, resolution));
    }

    [Fact]
    public void Gemini_Omni_on_Google_is_priced_per_second_from_its_token_rate()
    {
        var quote = Book.Quote("Google", "gemini-omni-1.2-flash", 10, "720p")!;

        Assert.Equal(("gemini-omni-flash", Billing.PerSecond, 0.1014m, 1.014m), (quote.Model, quote.Billing, quote.UnitPrice, quote.Cost));
        Assert.Contains("5,792 tokens", Book.Rows.Single(r => r.Route == "Google" && r.Resolution == "720p").Note);
    }

    [Fact]
    public void An_unknown_resolution_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Book.Quote("Google", "veo-3.1", 8, "8k"));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(8, 0)]
    public void Seconds_and_count_must_be_positive(int seconds, int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Book.Quote("Google", "veo-3.1", seconds, "720p", count));
    }
}
