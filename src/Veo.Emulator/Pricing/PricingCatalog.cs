using System.Collections.Immutable;

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

    private ImmutableList<PriceRow> rows = [.. CrazyrouterSnapshot];

    public IReadOnlyList<PriceRow> Rows => rows;

    /// <summary>Adds the row, or replaces the row of the same model.</summary>
    public void Set(PriceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        ImmutableInterlocked.Update(ref rows, current =>
            current.FindIndex(r => r.ModelName == row.ModelName) is var i and >= 0 ? current.SetItem(i, row) : current.Add(row));
    }

    public void Replace(IEnumerable<PriceRow> newRows) => rows = [.. newRows];

    public bool Remove(string modelName)
    {
        var removed = false;
        ImmutableInterlocked.Update(ref rows, current =>
        {
            var next = current.RemoveAll(r => r.ModelName == modelName);
            removed = next.Count != current.Count;
            return next;
        });
        return removed;
    }
}
