namespace Veo.Core.Pricing;

/// <summary>
/// One price in the book: what <paramref name="Route"/> charges for a model family, with where the
/// number came from and when, because prices move.
/// </summary>
/// <param name="Model">The model family (<c>veo-3.1-fast</c>, <c>veo-3.1</c>), not a route's own model id.</param>
/// <param name="Resolution"><c>720p</c>, <c>1080p</c> or <c>4k</c>; null when the price holds for every resolution.</param>
/// <param name="Audio">True for a video with sound, false for a silent one (Vertex AI bills it lower); null when the route
/// makes no such difference (it always makes sound).</param>
public sealed record PriceRow(
    string Route,
    string Model,
    Billing Billing,
    decimal Price,
    string? Resolution,
    string Currency,
    string Source,
    DateTime AsOf,
    string? Note = null,
    bool? Audio = null);
