using Veo.Core.Pricing;

namespace Veo.Core.Tests.Pricing;

public class PriceOverrideTests
{
    [Fact]
    public void An_override_row_with_a_new_route_is_added()
    {
        using var file = new TempJsonFile("""
            [{ "route": "MyGateway", "model": "veo-3.1-fast", "billing": "PerSecond", "price": 0.05,
               "resolution": "1080p", "source": "my contract", "asOf": "2026-07-01" }]
            """);

        var book = PriceBook.Default.WithOverrides(file.Path);

        Assert.Equal(PriceBook.Default.Rows.Count + 1, book.Rows.Count);
        Assert.Equal(0.40m, book.Quote("MyGateway", "veo-3.1-fast", 8, "1080p")!.Cost);
    }

    [Fact]
    public void An_override_row_with_the_same_route_model_and_resolution_replaces_the_shipped_one()
    {
        using var file = new TempJsonFile("""
            // Google's 720p Omni price, read on its own page.
            [{ "route": "google", "model": "gemini-omni-1.2-flash", "billing": "per_second", "price": 0.10,
               "resolution": "720P", "currency": "USD", "source": "https://ai.google.dev/gemini-api/docs/pricing",
               "asOf": "2026-07-01", "note": "read by hand" },]
            """);

        var book = PriceBook.Default.WithOverrides(file.Path);

        Assert.Equal(PriceBook.Default.Rows.Count, book.Rows.Count);
        var quote = book.Quote("Google", "Omni", 8, "720p")!;
        Assert.Equal(0.80m, quote.Cost);
        Assert.Equal(new DateTime(2026, 7, 1), quote.AsOf);
        Assert.Equal(1.216m, book.Quote("Google", "gemini-omni-1.1-flash", 8, "1080p")!.Cost);
    }

    [Fact]
    public void Overriding_leaves_the_default_book_as_it_was()
    {
        using var file = new TempJsonFile("""
            [{ "route": "LaoZhang", "model": "veo-3.1", "billing": "PerCall", "price": 9, "source": "s", "asOf": "2026-07-01" }]
            """);

        PriceBook.Default.WithOverrides(file.Path);

        Assert.Equal(1.20m, PriceBook.Default.Quote("LaoZhang", "veo-3.1", 8, "720p")!.Cost);
    }

    [Theory]
    [InlineData("""{ "model": "veo-3.1", "billing": "PerCall", "price": 1, "source": "s", "asOf": "2026-07-01" }""", "has no 'route'")]
    [InlineData("""{ "route": "R", "model": "veo-3.1", "billing": "PerCall", "price": 1, "asOf": "2026-07-01" }""", "(R veo-3.1) has no 'source'")]
    [InlineData("""{ "route": "R", "model": "veo-3.1", "billing": "PerCall", "price": 1, "source": "s" }""", "has no 'asOf'")]
    [InlineData("""{ "route": "R", "model": "veo-3.1", "billing": "PerCall", "source": "s", "asOf": "2026-07-01" }""", "has no 'price'")]
    [InlineData("""{ "route": "R", "model": "veo-3.1", "billing": "Monthly", "price": 1, "source": "s", "asOf": "2026-07-01" }""", "billing 'Monthly'")]
    [InlineData("""{ "route": "R", "model": "veo-3.1", "billing": "PerCall", "price": -1, "source": "s", "asOf": "2026-07-01" }""", "negative")]
    [InlineData("""{ "route": "R", "model": "veo-3.1", "billing": "PerCall", "price": 1, "resolution": "8k", "source": "s", "asOf": "2026-07-01" }""", "resolution '8k'")]
    [InlineData("""{ "route": "R", "model": "veo-3.1", "billing": "PerCall", "price": 1, "source": "s", "asOf": "July 1st" }""", "asOf 'July 1st'")]
    [InlineData("""{ "route": "LaoZhang", "model": "veo-3.1-fast", "billing": "PerCall", "price": 1, "source": "s", "asOf": "2026-07-01" }""", "repeats the route, model, resolution and audio of row 1")]
    public void A_bad_row_is_refused_with_the_file_and_row_named(string secondRow, string problem)
    {
        using var file = new TempJsonFile($$"""
            [{ "route": "LaoZhang", "model": "veo-3.1-fast", "billing": "PerCall", "price": 0.3, "source": "s", "asOf": "2026-07-01" },
             {{secondRow}}]
            """);

        var error = Assert.Throws<PriceBookFormatException>(() => PriceBook.Default.WithOverrides(file.Path));

        Assert.StartsWith($"Price book '{file.Path}', row 2: ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Equal(file.Path, error.FileName);
        Assert.Equal(2, error.RowNumber);
    }

    [Theory]
    [InlineData("""{ "route": "R" }""")]
    [InlineData("""[{ "route": "R", "price": "cheap" }]""")]
    [InlineData("""[{ "route": """)]
    public void A_file_that_is_not_an_array_of_rows_is_refused_with_the_file_named(string json)
    {
        using var file = new TempJsonFile(json);

        var error = Assert.Throws<PriceBookFormatException>(() => PriceBook.Default.WithOverrides(file.Path));

        Assert.StartsWith($"Price book '{file.Path}': ", error.Message);
        Assert.Null(error.RowNumber);
    }
}
