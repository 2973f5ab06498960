namespace Veo.Core.Pricing;

/// <summary>One model as a gateway's live pricing catalog lists it.</summary>
/// <param name="ModelName">The gateway's own model id.</param>
/// <param name="EndpointTypes">The publicly documented endpoint types first, then the other supported ones.</param>
public sealed record CatalogRow(string ModelName, Billing Billing, decimal Price, IReadOnlyList<string> EndpointTypes);
