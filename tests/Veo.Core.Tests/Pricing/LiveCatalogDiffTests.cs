using Veo.Core.Pricing;

namespace Veo.Core.Tests.Pricing;

public class LiveCatalogDiffTests
{
    private static readonly PriceBook Book = PriceBook.Default;

    private static CatalogRow Live(string model, decimal price, Billing billing = Billing.PerSecond) =>
        new(model, billing, price, new[] { "unified-video" });

    [Fact]
    public void A_catalog_that_matches_the_book_shows_no_difference()
    {
        var live = new[] { Live("veo-3.1-fast", 0.10m), Live("veo-3.1", 0.20m) };

        Assert.Empty(LiveCatalog.Diff(Book, "Crazyrouter", live));
    }

    [Fact]
    public void A_changed_price_shows_up_with_both_prices()
    {
        var live = new[] { Live("veo-3.1-fast", 0.12m), Live("veo-3.1", 0.20m) };

        var difference = Assert.Single(LiveCatalog.Diff(Book, "Crazyrouter", live));

        Assert.Equal(new PriceDifference("Crazyrouter", "veo-3.1-fast", 0.10m, 0.12m, Billing.PerSecond, Billing.PerSecond), difference);
        Assert.Equal("Crazyrouter veo-3.1-fast: book $0.10 per second, live $0.12 per second", difference.ToString());
    }

    [Fact]
    public void A_changed_billing_mode_shows_up_even_at_the_same_number()
    {
        var difference = Assert.Single(LiveCatalog.Diff(Book, "LaoZhang", new[] { Live("veo-3.1-generate-preview", 1.20m) }));

        Assert.Equal("LaoZhang veo-3.1: book $1.20 per call, live $1.20 per second", difference.ToString());
    }

    [Fact]
    public void A_priced_family_the_book_lacks_for_this_route_shows_up_without_a_book_price()
    {
        var difference = Assert.Single(LiveCatalog.Diff(Book, "OtherGateway", new[] { Live("veo3.1-fast", 0.08m) }));

        Assert.Null(difference.BookPrice);
        Assert.Null(difference.BookBilling);
        Assert.Equal("OtherGateway veo-3.1-fast: book no price, live $0.08 per second", difference.ToString());
    }

    [Fact]
    public void Models_outside_the_books_families_are_not_compared()
    {
        var live = new[] { Live("sora-2", 0.12m, Billing.PerCall), Live("veo3-fast", 2m), Live("veo-3.1-landscape-fast", 0.15m) };

        Assert.Empty(LiveCatalog.Diff(Book, "Crazyrouter", live));
    }
}
