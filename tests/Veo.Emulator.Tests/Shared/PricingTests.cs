namespace Veo.Emulator.Tests.Shared;

public sealed class PricingTests : EmulatorTest
{
    [Fact]
    public async Task Pricing_is_public_and_serves_the_crazyrouter_snapshot_in_the_new_api_shape()
    {
        using var anonymous = AnonymousClient();
        using var response = await anonymous.GetAsync("api/pricing");
        var body = await Json.ReadAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["success", "message", "data", "group_ratio", "usable_group"], Json.Names(body));
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(1, body.GetProperty("group_ratio").GetProperty("default").GetInt32());
        var fast = body.GetProperty("data")[0];
        Assert.Equal(
            """{"model_name":"veo-3.1-fast","quota_type":1,"model_ratio":0,"model_price":0.1,"completion_ratio":0,"enable_groups":["default"],"supported_endpoint_types":["gemini","openai"],"public_endpoint_types":["unified-video"],"billing_mode":"per_second"}""",
            fast.GetRawText());
        Assert.Equal("veo-3.1", body.GetProperty("data")[1].GetProperty("model_name").GetString());
        Assert.Equal(0.2m, body.GetProperty("data")[1].GetProperty("model_price").GetDecimal());
    }

    [Fact]
    public async Task Tests_can_change_a_price_and_add_rows()
    {
        Server.Pricing.Set(new PriceRow("veo-3.1", 0.25m));
        Server.Pricing.Set(new PriceRow("veo-3.1-fast-generate-preview", 0.3m, "per_request"));

        var data = (await Json.ReadAsync(await Client.GetAsync("api/pricing"))).GetProperty("data");

        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal(0.25m, data[1].GetProperty("model_price").GetDecimal());
        Assert.Equal("per_request", data[2].GetProperty("billing_mode").GetString());
    }

    [Fact]
    public async Task Tests_can_replace_and_remove_rows()
    {
        Server.Pricing.Replace([new PriceRow("veo3.1-pro", 0.5m)]);
        Assert.False(Server.Pricing.Remove("veo-3.1"));

        var data = (await Json.ReadAsync(await Client.GetAsync("api/pricing"))).GetProperty("data");

        Assert.Equal("veo3.1-pro", Assert.Single(data.EnumerateArray()).GetProperty("model_name").GetString());
        Assert.True(Server.Pricing.Remove("veo3.1-pro"));
        Assert.Empty(Server.Pricing.Rows);
    }
}
