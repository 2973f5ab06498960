namespace Veo.Emulator;

/// <summary>One row of a new-api pricing catalog. QuotaType 1 means priced by ModelPrice, not by tokens.</summary>
public sealed record PriceRow(string ModelName, decimal ModelPrice, string BillingMode = "per_second")
{
    public int QuotaType { get; init; } = 1;

    public decimal ModelRatio { get; init; }

    public decimal CompletionRatio { get; init; }

    public IReadOnlyList<string> EnableGroups { get; init; } = ["default"];

    public IReadOnlyList<string> SupportedEndpointTypes { get; init; } = ["gemini", "openai"];

    public IReadOnlyList<string> PublicEndpointTypes { get; init; } = ["unified-video"];
}

/// <summary>The rows GET /api/pricing serves; starts as the Crazyrouter snapshot of 2026-06-06.</summary>
public sealed class PricingCatalog
{
    public static readonly IReadOnlyList<PriceRow> CrazyrouterSnapshot =
    [
        new("veo-3.1-fast", 0.10m),
        new("veo-3.1", 0.20m),
    ];

    private readonly object gate = new();
    private List<PriceRow> rows = [.. CrazyrouterSnapshot];

    /// <summary>The rows now; a copy, so the endpoint never sees a half-made change.</summary>
    public IReadOnlyList<PriceRow> Rows
    {
        get
        {
            lock (gate) return rows.ToList();
        }
    }

    /// <summary>Adds the row, or replaces the row of the same model.</summary>
    public void Set(PriceRow row)
    {
        if (row is null) throw new ArgumentNullException(nameof(row));
        lock (gate)
        {
            var i = rows.FindIndex(r => r.ModelName == row.ModelName);
            if (i >= 0) rows[i] = row;
            else rows.Add(row);
        }
    }

    public void Replace(IEnumerable<PriceRow> newRows)
    {
        var copy = newRows.ToList();
        lock (gate) rows = copy;
    }

    public bool Remove(string modelName)
    {
        lock (gate) return rows.RemoveAll(r => r.ModelName == modelName) > 0;
    }
}
