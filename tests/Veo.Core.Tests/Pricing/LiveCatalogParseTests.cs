using Veo.Core.Pricing;

namespace Veo.Core.Tests.Pricing;

public class LiveCatalogParseTests
{
    [Fact]
    public void A_per_second_video_row_is_read_with_its_endpoint_types()
    {
        var rows = LiveCatalog.Parse("""
            {"success":true,"message":"","data":[{"model_name":"veo-3.1-fast","quota_type":1,"model_ratio":0,
             "model_price":0.1,"completion_ratio":0,"enable_groups":["default"],
             "supported_endpoint_types":["gemini","openai"],"public_endpoint_types":["unified-video"],
             "billing_mode":"per_second"}],"group_ratio":{"default":1}}
            """);

        var row = Assert.Single(rows);
        Assert.Equal("veo-3.1-fast", row.ModelName);
        Assert.Equal(Billing.PerSecond, row.Billing);
        Assert.Equal(0.1m, row.Price);
        Assert.Equal(new[] { "unified-video", "gemini", "openai" }, row.EndpointTypes);
    }

    [Fact]
    public void Unknown_fields_are_ignored_per_call_rows_kept_and_per_token_rows_left_out()
    {
        var rows = LiveCatalog.Parse("""
            {"success":true,"data":[
              {"model_name":"gpt-4o","quota_type":0,"model_ratio":1.25,"model_price":0,"completion_ratio":4},
              {"model_name":"veo-3.1-fast-generate-preview","quota_type":1,"model_price":0.3,
               "owner_by":"google","tags":{"video":true},"supported_endpoint_types":["openai-video"]},
              {"model_name":"sora-2","quota_type":1,"model_price":0.12,"vendor_id":7}
            ],"vendors":[{"id":7}],"usable_group":{"default":"Default"}}
            """);

        Assert.Equal(new[]
        {
            new CatalogRow("veo-3.1-fast-generate-preview", Billing.PerCall, 0.3m, new[] { "openai-video" }),
            new CatalogRow("sora-2", Billing.PerCall, 0.12m, Array.Empty<string>()),
        }.Select(Describe), rows.Select(Describe));
    }

    [Fact]
    public void A_refusal_carries_the_servers_message()
    {
        var error = Assert.Throws<PricingCatalogException>(() =>
            LiveCatalog.Parse("""{"success":false,"message":"pricing is disabled on this site"}"""));

        Assert.Contains("pricing is disabled on this site", error.Message);
    }

    [Theory]
    [InlineData("""{"success":true,"message":""}""", "no 'data' array")]
    [InlineData("""{"success":true,"data":null}""", "no 'data' array")]
    [InlineData("""{"success":true,"data":{"veo-3.1":0.1}}""", "not the expected JSON")]
    [InlineData("""<html>502 Bad Gateway</html>""", "not the expected JSON")]
    public void An_answer_without_a_data_array_is_quoted_in_the_error(string json, string problem)
    {
        var error = Assert.Throws<PricingCatalogException>(() => LiveCatalog.Parse(json));

        Assert.Contains(problem, error.Message);
        Assert.Contains(json, error.Message);
    }

    [Theory]
    [InlineData("""{"quota_type":1,"model_price":0.1}""", "no model_name")]
    [InlineData("""{"model_name":"veo-3.1","quota_type":1}""", "'veo-3.1' has no model_price")]
    [InlineData("""{"model_name":"veo-3.1","billing_mode":"per_second","model_price":null}""", "'veo-3.1' has no model_price")]
    [InlineData("""{"model_name":"veo-3.1","quota_type":1,"model_price":"cheap"}""", "not the expected JSON")]
    public void A_row_without_what_a_price_needs_is_quoted_in_the_error(string row, string problem)
    {
        var error = Assert.Throws<PricingCatalogException>(() =>
            LiveCatalog.Parse($$"""{"success":true,"data":[{{row}}]}"""));

        Assert.Contains(problem, error.Message);
        Assert.Contains(row, error.Message);
    }

    [Fact]
    public void A_long_offending_row_is_quoted_only_in_part()
    {
        var row = $$"""{"quota_type":1,"model_price":0.1,"description":"{{new string('x', 500)}}"}""";

        var error = Assert.Throws<PricingCatalogException>(() =>
            LiveCatalog.Parse($$"""{"success":true,"data":[{{row}}]}"""));

        Assert.Contains(row.Substring(0, 200) + "…", error.Message);
        Assert.DoesNotContain(row, error.Message);
    }

    private static string Describe(CatalogRow row) =>
        $"{row.ModelName} {row.Billing} {row.Price} [{string.Join(",", row.EndpointTypes)}]";
}
