using System.Text.Json;
using System.Text.Json.Serialization;

namespace Veo.Core.Pricing;

// The whole wire contract of new-api's public GET /api/pricing, as far as Veo reads it.
// Everything is optional here; LiveCatalog decides what a usable answer must contain.

/// <summary><c>{"success", "message", "data": [...], "group_ratio": {...}}</c>; rows stay raw so errors can quote them.</summary>
internal sealed class PricingCatalogResponse
{
    [JsonPropertyName("success")] public bool? Success { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("data")] public List<JsonElement>? Data { get; set; }
}

/// <summary>One model of the catalog.</summary>
internal sealed class PricingCatalogEntry
{
    [JsonPropertyName("model_name")] public string? ModelName { get; set; }

    /// <summary>0: priced per token (model_ratio); 1: priced per call (model_price).</summary>
    [JsonPropertyName("quota_type")] public int? QuotaType { get; set; }

    [JsonPropertyName("model_price")] public decimal? ModelPrice { get; set; }

    /// <summary>Crazyrouter's addition: <c>per_second</c> means model_price is per generated second.</summary>
    [JsonPropertyName("billing_mode")] public string? BillingMode { get; set; }

    [JsonPropertyName("supported_endpoint_types")] public List<string>? SupportedEndpointTypes { get; set; }

    /// <summary>Crazyrouter's addition: the endpoints it documents publicly, e.g. <c>unified-video</c>.</summary>
    [JsonPropertyName("public_endpoint_types")] public List<string>? PublicEndpointTypes { get; set; }

    public const int QuotaPerCall = 1;
    public const string PerSecondMode = "per_second";
}

[JsonSerializable(typeof(PricingCatalogResponse))]
[JsonSerializable(typeof(PricingCatalogEntry))]
internal sealed partial class PricingCatalogJsonContext : JsonSerializerContext
{
}
