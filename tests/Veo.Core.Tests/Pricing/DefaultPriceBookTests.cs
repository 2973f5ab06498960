using Veo.Core.Pricing;

namespace Veo.Core.Tests.Pricing;

public class DefaultPriceBookTests
{
    private static readonly IReadOnlyList<PriceRow> Rows = PriceBook.Default.Rows;

    [Fact]
    public void Every_row_says_where_its_price_came_from_and_when()
    {
        Assert.NotEmpty(Rows);
        Assert.All(Rows, row =>
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Source));
            Assert.NotEqual(default, row.AsOf);
            Assert.Equal("USD", row.Currency);
        });
    }

    [Theory]
    [InlineData("veo-3.1-fast", "0.30")]
    [InlineData("veo-3.1", "1.20")]
    public void LaoZhang_charges_per_call_for_any_resolution(string model, string price)
    {
        var row = Assert.Single(Rows, r => r.Route == "LaoZhang" && r.Model == model);
        Assert.Equal(Billing.PerCall, row.Billing);
        Assert.Equal(decimal.Parse(price), row.Price);
        Assert.Null(row.Resolution);
    }

    [Theory]
    [InlineData("veo-3.1-fast", "0.10")]
    [InlineData("veo-3.1", "0.20")]
    public void Crazyrouter_charges_per_second_at_the_720p_it_lists_in_the_2026_06_06_snapshot(string model, string price)
    {
        var row = Assert.Single(Rows, r => r.Route == "Crazyrouter" && r.Model == model);
        Assert.Equal(Billing.PerSecond, row.Billing);
        Assert.Equal(decimal.Parse(price), row.Price);
        Assert.Equal("720p", row.Resolution);
        Assert.Equal(new DateTime(2026, 6, 6), row.AsOf);
        Assert.Contains("720P", row.Note);
    }

    [Theory]
    [InlineData("360p", "0.0304")]
    [InlineData("720p", "0.1014")]
    [InlineData("1080p", "0.1520")]
    [InlineData("4k", "0.3041")]
    public void Google_charges_Gemini_Omni_per_second_by_resolution(string resolution, string price)
    {
        var row = Assert.Single(Rows, r => r.Route == "Google" && r.Resolution == resolution);
        Assert.Equal(("gemini-omni-flash", Billing.PerSecond, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)), (row.Model, row.Billing, row.Price));
        Assert.Contains("$17.50", row.Note);
    }

    [Fact]
    public void Google_has_no_Veo_row_since_the_Gemini_API_shut_its_Veo_ids_down()
    {
        Assert.DoesNotContain(Rows, r => r.Route == "Google" && r.Model.StartsWith("veo", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_book_is_parsed_once()
    {
        Assert.Same(PriceBook.Default, PriceBook.Default);
    }
}
