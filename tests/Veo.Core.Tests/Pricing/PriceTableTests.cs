using Veo.Core.Pricing;

namespace Veo.Core.Tests.Pricing;

public class PriceTableTests
{
    private static readonly PriceBook Book = PriceBook.Default;

    private static string Line(PriceQuote q) => $"{q.Route} {q.Model} {q.Resolution} {q.Cost:0.00}";

    [Fact]
    public void The_default_table_lists_every_priced_combination_for_one_8_second_video_cheapest_first()
    {
        var table = Book.Table(new PriceQuery());

        Assert.Equal(new[]
        {
            "Google gemini-omni-flash 360p 0.24",
            "LaoZhang veo-3.1-fast 720p 0.30",
            "LaoZhang veo-3.1-fast 1080p 0.30",
            "LaoZhang veo-3.1-fast 4k 0.30",
            "Crazyrouter veo-3.1-fast 720p 0.80",
            "Google gemini-omni-flash 720p 0.81",
            "LaoZhang veo-3.1 720p 1.20",
            "LaoZhang veo-3.1 1080p 1.20",
            "LaoZhang veo-3.1 4k 1.20",
            "Vertex veo-3.1-fast 720p 1.20",
            "Vertex veo-3.1-fast 1080p 1.20",
            "Google gemini-omni-flash 1080p 1.22",
            "Crazyrouter veo-3.1 720p 1.60",
            "Google gemini-omni-flash 4k 2.43",
            "Vertex veo-3.1-fast 4k 2.80",
            "Vertex veo-3.1 720p 3.20",
            "Vertex veo-3.1 1080p 3.20",
            "Vertex veo-3.1 4k 4.80",
        }, table.Select(Line));
    }

    [Fact]
    public void Silent_videos_are_priced_only_where_a_route_makes_them_and_for_less()
    {
        var table = Book.Table(new PriceQuery { Audio = false });

        Assert.Equal(new[]
        {
            "Vertex veo-3.1-fast 720p 0.80",
            "Vertex veo-3.1-fast 1080p 0.80",
            "Vertex veo-3.1 720p 1.60",
            "Vertex veo-3.1 1080p 1.60",
        }, table.Select(Line));
        Assert.All(table, q => Assert.False(q.Audio));
    }

    [Fact]
    public void Every_video_of_a_Vertex_request_is_billed()
    {
        var four = Book.Quote("Vertex", "Fast", 8, "720p", count: 4, audio: false)!;

        Assert.Equal(3.20m, four.Cost);
        Assert.Contains("cloud.google.com/vertex-ai/generative-ai/pricing", four.Source);
    }

    [Fact]
    public void Equal_costs_are_ordered_by_route_then_model()
    {
        var book = new PriceBook(new[]
        {
            Row("Zeta", "veo-3.1"), Row("Alpha", "veo-3.1"), Row("Alpha", "veo-3.1-fast"),
        });

        var table = book.Table(new PriceQuery { Resolution = "720p" });

        Assert.Equal(new[] { "Alpha veo-3.1", "Alpha veo-3.1-fast", "Zeta veo-3.1" }, table.Select(q => $"{q.Route} {q.Model}"));

        static PriceRow Row(string route, string model) =>
            new(route, model, Billing.PerCall, 1m, null, "USD", "test", new DateTime(2026, 1, 1));
    }

    [Fact]
    public void A_query_narrows_by_route_model_and_resolution_and_prices_its_duration_and_count()
    {
        var table = Book.Table(new PriceQuery
        {
            Route = "vertex", Model = "veo-3.1-fast-generate-001", Resolution = "4k", Duration = 8, Count = 2,
        });

        var quote = Assert.Single(table);
        Assert.Equal("Vertex veo-3.1-fast 4k 5.60", Line(quote));
    }

    [Fact]
    public void A_shorter_duration_cheapens_per_second_routes_only()
    {
        var table = Book.Table(new PriceQuery { Model = "veo-3.1", Resolution = "720p", Duration = 4 });

        Assert.Equal(new[] { "Crazyrouter veo-3.1 720p 0.80", "LaoZhang veo-3.1 720p 1.20", "Vertex veo-3.1 720p 1.60" },
            table.Select(Line));
    }
}
