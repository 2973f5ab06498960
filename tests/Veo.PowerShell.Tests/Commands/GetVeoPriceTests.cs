using Veo.Core.Pricing;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

public class GetVeoPriceTests : PowerShellTest
{
    [Fact]
    public void With_no_arguments_it_lists_every_route_and_model_cheapest_first()
    {
        var rows = Run("Get-VeoPrice").Objects<PriceQuote>();

        Assert.NotEmpty(rows);
        Assert.Equal(rows.OrderBy(r => r.Cost).Select(r => r.Cost), rows.Select(r => r.Cost));
        Assert.Contains(rows, r => r.Route == "LaoZhang" && r.Billing == Billing.PerCall);
        Assert.Contains(rows, r => r.Route == "Vertex" && r.Resolution == "4k" && r.Cost == 4.80m);
        // Gemini Omni on the Gemini API, per second from its token rate, 360p drafts included.
        Assert.Contains(rows, r => r.Route == "Google" && r.Model == "gemini-omni-flash" && r.Resolution == "360p" && r.Cost == 0.2432m);
        Assert.Contains(rows, r => r.Route == "Crazyrouter" && r.Cost == 0.80m);
        Assert.All(rows, r => Assert.Equal(8, r.Seconds));
    }

    [Theory]
    [InlineData("veo-3.1-fast-generate-preview", "1080p", 0.30, 1.20, -75.0)]
    [InlineData("veo-3.1-fast-generate-preview", "4k", 0.30, 2.80, -89.3)]
    [InlineData("veo-3.1-generate-preview", "1080p", 1.20, 3.20, -62.5)]
    [InlineData("veo-3.1-generate-preview", "4k", 1.20, 4.80, -75.0)]
    public void Compare_puts_LaoZhang_beside_Vertex_AI(string model, string resolution, double laoZhang, double vertex, double percent)
    {
        var rows = Run($"Get-VeoPrice -Model {model} -Resolution {resolution} -Compare Vertex").Objects<PriceQuote>();

        var row = rows.Single(r => r.Route == "LaoZhang");
        Assert.Equal((decimal)laoZhang, row.Cost);
        Assert.Equal((decimal)laoZhang - (decimal)vertex, row.Difference);
        Assert.Equal((decimal)percent, row.PercentDifference);
        Assert.Equal((decimal)vertex, rows.Single(r => r.Route == "Vertex").Cost);
    }

    [Fact]
    public void Compare_shows_Gemini_Omni_beside_Veo_on_Vertex_and_the_gateways()
    {
        var rows = Run("Get-VeoPrice -Resolution 720p -Compare Vertex").Objects<PriceQuote>();

        var omni = rows.Single(r => r.Route == "Google");
        Assert.Equal(("gemini-omni-flash", 0.8112m, "Vertex veo-3.1-fast", -32.4m), (omni.Model, omni.Cost, omni.ComparedTo, omni.PercentDifference));
        Assert.Contains(rows, r => r.Route == "LaoZhang" && r.ComparedTo == "Vertex");
        Assert.Contains(rows, r => r.Route == "Crazyrouter" && r.ComparedTo == "Vertex");
    }

    [Fact]
    public void Compare_finds_the_reference_even_when_the_table_is_narrowed_to_one_route()
    {
        var row = Run("Get-VeoPrice -Route LaoZhang -Model Fast -Resolution 1080p -Compare Vertex").Single<PriceQuote>();
        Assert.Equal(-75.0m, row.PercentDifference);
    }

    [Fact]
    public void Count_prices_a_batch()
    {
        var row = Run("Get-VeoPrice -Route Crazyrouter -Model Standard -Count 10").Single<PriceQuote>();
        Assert.Equal(16.00m, row.Cost);
    }

    [Fact]
    public void Tasks_piped_in_are_priced_as_they_were_made()
    {
        var sum = Run("'a', 'b' | New-VeoVideo -Model Standard | Get-VeoPrice | Measure-Object Cost -Sum").Single<Microsoft.PowerShell.Commands.GenericMeasureInfo>();
        Assert.Equal(2.40, sum.Sum);
    }

    [Fact]
    public void Csv_rows_are_priced_as_New_VeoVideo_would_make_them_and_nothing_is_sent()
    {
        File.WriteAllText(Home.PathOf("prompts.csv"), """
            Prompt,Seconds,Resolution,Route,Model
            a cat,4,,,
            a dog,8,1080p,Google,
            an owl,,,Crazyrouter,Standard
            """.Replace("            ", ""));
        var rows = Run("Import-Csv prompts.csv | Get-VeoPrice").Objects<PriceQuote>();

        Assert.Equal(
            new[] { ("LaoZhang", "veo-3.1-fast", "720p", 4, 0.30m), ("Google", "gemini-omni-flash", "1080p", 8, 1.216m), ("Crazyrouter", "veo-3.1", "720p", 8, 1.60m) },
            rows.Select(r => (r.Route, r.Model, r.Resolution, r.Seconds, r.Cost)));
        Assert.Empty(Emulator.Requests);
        Assert.Empty(Run("Get-VeoVideo").Output);
    }

    [Fact]
    public void A_row_New_VeoVideo_would_refuse_is_Get_VeoPrices_error_once_and_the_others_are_still_priced()
    {
        File.WriteAllText(Home.PathOf("prompts.csv"), "Prompt,Seconds,Resolution\na cat,4,\na bad one,5,\na short 1080p,4,1080p\n");
        var result = Run("$Error.Clear(); Import-Csv prompts.csv | Get-VeoPrice -ErrorAction SilentlyContinue | Measure-Object Cost -Sum; $Error");

        Assert.Equal(0.30, result.Objects<Microsoft.PowerShell.Commands.GenericMeasureInfo>().Single().Sum);
        var errors = result.Objects<System.Management.Automation.ErrorRecord>();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("InvalidVideoRequest,Veo.PowerShell.Commands.GetVeoPriceCommand", e.FullyQualifiedErrorId));
        Assert.Contains("5-second", errors[^1].Exception.Message);
    }

    [Fact]
    public void Prompt_strings_are_priced_on_the_default_route_even_when_errors_stop_the_script()
    {
        var result = Run("$ErrorActionPreference = 'Stop'; 'a fox', 'an owl' | Get-VeoPrice");
        Assert.Empty(result.AllErrorRecords());
        Assert.Equal(new[] { 0.30m, 0.30m }, result.Objects<PriceQuote>().Select(q => q.Cost));
    }

    [Fact]
    public void Live_reads_the_catalog_and_shows_where_it_differs_from_the_book()
    {
        Emulator.Pricing.Set(new Veo.Emulator.PriceRow("veo-3.1-fast", 0.12m));
        var result = Run($"Get-VeoPrice -Live -Route Crazyrouter -BaseUri '{Emulator.BaseUri}'");

        Assert.Empty(result.Errors);
        var difference = result.Single<PriceDifference>();
        Assert.Equal(("veo-3.1-fast", 0.10m, 0.12m), (difference.Model, difference.BookPrice, difference.LivePrice));
        Assert.DoesNotContain(Emulator.Requests.Single(r => r.Path == "/api/pricing").Headers.Keys, k => k.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_users_price_file_overrides_the_book()
    {
        File.WriteAllText(Home.PathOf("prices.json"),
            """[{"route":"LaoZhang","model":"veo-3.1-fast","billing":"PerCall","price":0.25,"currency":"USD","source":"my contract","asOf":"2026-11-01"}]""");
        var row = Run("Get-VeoPrice -Route LaoZhang -Model Fast -Resolution 720p -PriceBook prices.json").Single<PriceQuote>();
        Assert.Equal((0.25m, "my contract"), (row.Cost, row.Source));
    }

    [Fact]
    public void The_price_file_in_VEO_HOME_is_read_without_being_named()
    {
        File.WriteAllText(Home.PathOf("prices.json"),
            """[{"route":"LaoZhang","model":"veo-3.1-fast","billing":"PerCall","price":0.25,"currency":"USD","source":"my contract","asOf":"2026-11-01"}]""");
        using var fresh = new VeoShell(Home.Folder);
        var row = fresh.Run("Get-VeoPrice -Route LaoZhang -Model Fast -Resolution 720p").Single<PriceQuote>();
        Assert.Equal((0.25m, "my contract"), (row.Cost, row.Source));
    }

    [Theory]
    [InlineData("Get-VeoPrice -Model Fsat", "Models: Fast, Standard")]
    [InlineData("Get-VeoPrice -Route LaoZang", "Routes: LaoZhang, Crazyrouter, Google")]
    public void A_misspelt_model_or_route_is_an_error_naming_the_valid_ones_not_an_empty_table(string script, string named)
    {
        var result = Run(script);
        Assert.Empty(result.Output);
        var error = Assert.Single(result.AllErrorRecords());
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(named, error.Exception.Message);
    }
}
