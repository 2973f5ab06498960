namespace Veo.Core.Reports;

/// <summary>The line at the top of a report: how many, how they ended, what they cost and how long they run.</summary>
public sealed record ReportTotals(int Count, int Saved, int Failed, int Uncertain, decimal Spent, decimal MayHaveBeenBilled, double Seconds)
{
    /// <summary>
    /// Spent counts every task with an id, failed ones too (as the spend ledger does: no route's documentation read
    /// here says a failed task is free); a create whose outcome is unknown may have been billed and is counted apart.
    /// </summary>
    public static ReportTotals Of(IReadOnlyList<ReportEntry> entries) => new(
        entries.Count,
        entries.Count(e => e.State == "saved"),
        entries.Count(e => e.Failed && !e.Uncertain),
        entries.Count(e => e.Uncertain),
        entries.Where(e => !e.Uncertain).Sum(e => e.Cost ?? 0),
        entries.Where(e => e.Uncertain).Sum(e => e.Cost ?? 0),
        entries.Sum(e => e.Duration ?? 0));
}
