using System.Text.Json;

namespace Veo.Core.Pricing;

/// <summary>
/// Reads a new-api gateway's public pricing catalog (<c>GET /api/pricing</c>, no key needed) and checks
/// the price book against it.
/// </summary>
public static class LiveCatalog
{
    private const int QuoteLimit = 200;

    /// <summary>GETs <c>{baseUri}api/pricing</c>. Send it with a client that carries no default auth header: the catalog is public.</summary>
    /// <param name="policy">Its attempt timeout bounds the whole fetch and its answer limit the body: a gateway that never answers, or floods, fails.</param>
    public static async Task<IReadOnlyList<CatalogRow>> FetchAsync(HttpClient http, Uri baseUri, Http.HttpPolicy policy, CancellationToken ct)
    {
        var root = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root, "api/pricing"));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(policy.AttemptTimeout);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            await Http.BoundedBody.BufferAsync(response, policy.MaxAnswerBytes, deadline.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PricingCatalogException($"GET {request.RequestUri} gave no whole answer within {policy.AttemptTimeout.TotalSeconds:0} s.");
        }
        using var _ = response;
        if (!response.IsSuccessStatusCode)
            throw new PricingCatalogException(
                $"GET {request.RequestUri} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Excerpt(body)}",
                response.StatusCode);
        return Parse(body);
    }

    /// <summary>
    /// Every per-call or per-second row of the catalog; per-token rows are left out because a video has no tokens.
    /// </summary>
    /// <exception cref="PricingCatalogException">The server said no, or the answer lacks what a row needs.</exception>
    public static IReadOnlyList<CatalogRow> Parse(string json)
    {
        PricingCatalogResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(json, PricingCatalogJsonContext.Default.PricingCatalogResponse);
        }
        catch (JsonException e)
        {
            throw new PricingCatalogException($"The pricing catalog is not the expected JSON ({e.Message}): {Excerpt(json)}", inner: e);
        }
        if (response?.Success == false)
            throw new PricingCatalogException($"The pricing catalog refused: {response.Message}");
        if (response?.Data is null)
            throw new PricingCatalogException($"The pricing catalog has no 'data' array: {Excerpt(json)}");

        var rows = new List<CatalogRow>();
        foreach (var element in response.Data)
        {
            if (ToRow(element) is { } row) rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// The catalog's Veo rows whose price or billing differs from the book's for <paramref name="route"/>,
    /// including ones the book has no price for. Only the model families the book prices are compared.
    /// </summary>
    public static IReadOnlyList<PriceDifference> Diff(PriceBook book, string route, IReadOnlyList<CatalogRow> live)
    {
        var families = new HashSet<string>(book.Rows.Select(r => r.Model));
        var differences = new List<PriceDifference>();
        foreach (var row in live)
        {
            var family = ModelFamily.Of(row.ModelName);
            if (!families.Contains(family)) continue;

            var booked = book.Rows
                .Where(r => r.Model == family && string.Equals(r.Route, route, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (booked.Count == 0)
                differences.Add(new PriceDifference(route, family, null, row.Price, null, row.Billing));
            // The catalog has one price per model; every resolution row the book holds for it must agree.
            differences.AddRange(booked
                .Where(r => r.Price != row.Price || r.Billing != row.Billing)
                .Select(r => (r.Price, r.Billing))
                .Distinct()
                .Select(b => new PriceDifference(route, family, b.Price, row.Price, b.Billing, row.Billing)));
        }
        return differences;
    }

    private static CatalogRow? ToRow(JsonElement element)
    {
        PricingCatalogEntry? entry;
        try
        {
            entry = element.Deserialize(PricingCatalogJsonContext.Default.PricingCatalogEntry);
        }
        catch (JsonException e)
        {
            throw new PricingCatalogException($"A pricing catalog row is not the expected JSON ({e.Message}): {Excerpt(element.GetRawText())}", inner: e);
        }
        if (string.IsNullOrWhiteSpace(entry?.ModelName))
            throw new PricingCatalogException($"A pricing catalog row has no model_name: {Excerpt(element.GetRawText())}");

        Billing billing;
        if (string.Equals(entry!.BillingMode, PricingCatalogEntry.PerSecondMode, StringComparison.OrdinalIgnoreCase))
            billing = Billing.PerSecond;
        else if (entry.QuotaType == PricingCatalogEntry.QuotaPerCall)
            billing = Billing.PerCall;
        else
            return null;

        if (entry.ModelPrice is not { } price)
            throw new PricingCatalogException($"Pricing catalog row '{entry.ModelName}' has no model_price: {Excerpt(element.GetRawText())}");

        var endpoints = (entry.PublicEndpointTypes ?? new List<string>())
            .Concat(entry.SupportedEndpointTypes ?? new List<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new CatalogRow(entry.ModelName!, billing, price, endpoints);
    }

    private static string Excerpt(string text) =>
        text.Length <= QuoteLimit ? text : text.Substring(0, QuoteLimit) + "…";
}
