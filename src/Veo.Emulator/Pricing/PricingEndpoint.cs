using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>GET /api/pricing in the new-api shape; public, as on the real gateways.</summary>
internal static class PricingEndpoint
{
    public static void Map(RouteTable app, EmulatorState state) =>
        app.MapGet("/api/pricing", _ => Wire.Json(new JsonObject
        {
            ["success"] = true,
            ["message"] = "",
            ["data"] = new JsonArray([.. state.Pricing.Rows.Select(Row)]),
            ["group_ratio"] = new JsonObject { ["default"] = 1 },
            ["usable_group"] = new JsonObject { ["default"] = "default group" },
        }));

    private static JsonNode Row(PriceRow row) => new JsonObject
    {
        ["model_name"] = row.ModelName,
        ["quota_type"] = row.QuotaType,
        // As doubles, so 0.10m is written 0.1 like the gateway writes it.
        ["model_ratio"] = (double)row.ModelRatio,
        ["model_price"] = (double)row.ModelPrice,
        ["completion_ratio"] = (double)row.CompletionRatio,
        ["enable_groups"] = Strings(row.EnableGroups),
        ["supported_endpoint_types"] = Strings(row.SupportedEndpointTypes),
        ["public_endpoint_types"] = Strings(row.PublicEndpointTypes),
        ["billing_mode"] = row.BillingMode,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
