using Veo.Core.Tasks;

namespace Veo.Core.Pricing;

/// <summary>
/// What was spent, read from the journal, the one ledger (LEDGER.md): each <c>created</c> line's cost is money spent;
/// each <c>ambiguous-create</c> line, and each <c>create-sent</c> line nothing ever settled (the process stopped before an
/// answer), may have been billed and is counted apart as uncertain; a refused create spent nothing. A failed task is
/// counted: no route's documentation read for Veo says a failed generation is not billed (LaoZhang's and Crazyrouter's
/// gateway pages, Google's Gemini API and Vertex AI pricing pages as of 2026-12), so none is taken off; a route that does
/// document it would be listed in <see cref="FailuresNotBilled"/> with its source.
/// </summary>
public static class SpendLedger
{
    /// <summary>Routes whose documentation says a failed task is not billed (with the page and date); none is known.</summary>
    public static readonly IReadOnlyCollection<string> FailuresNotBilled = Array.Empty<string>();

    /// <summary>The spend by route, model, UTC day and certainty, oldest day first.</summary>
    public static IReadOnlyList<SpendRow> Rows(IReadOnlyList<JournalEntry> entries, SpendFilter? filter = null)
    {
        filter ??= new SpendFilter();
        var failed = new HashSet<string>(entries.Where(e => e.Event == JournalEntry.StatusChanged && e.Status == VideoTaskStatus.Failed && e.Id is not null)
            .Select(e => e.Id!), StringComparer.Ordinal);
        return Outcomes(entries)
            .Where(e => !(e.Event == JournalEntry.Created && e.Id is not null && failed.Contains(e.Id) && NotBilledWhenFailed(e.Route)))
            .Select(e => (Entry: e, Uncertain: IsUncertain(e)))
            .Where(s => filter.Matches(s.Entry))
            .GroupBy(s => (Route: s.Entry.Route ?? "", Model: s.Entry.Model ?? "", Day: s.Entry.At.UtcDateTime.Date, s.Uncertain))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Uncertain).ThenBy(g => g.Key.Route, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => new SpendRow(g.Key.Route, g.Key.Model, g.Key.Day, g.Count(), g.Sum(s => s.Entry.Cost ?? 0), g.Key.Uncertain)
            {
                Unpriced = g.Count(s => s.Entry.Cost is null),
            })
            .ToList();
    }

    /// <summary>
    /// What one create's last line says it cost, the rule <see cref="Rows"/> applies to every create: its cost when it was
    /// made (created) or may have been (ambiguous-create, or create-sent with nothing after it), nothing when it was refused.
    /// The session cap counts each of its creates by this rule as the create ends (SpendingCaps.Settle).
    /// </summary>
    public static decimal Counted(JournalEntry? last) =>
        last is { Event: JournalEntry.Created or JournalEntry.AmbiguousCreate or JournalEntry.CreateSent } ? last.Cost ?? 0 : 0;

    /// <summary>
    /// The line that decides each create's money: the last of its attempt (create-sent, then created, create-refused or
    /// ambiguous-create), except that an attempt once created stays so. A create whose lost answer was later found
    /// (Batches.BatchLedger.Adopt writes a created line after the ambiguous one) is spent once, not spent and uncertain.
    /// </summary>
    private static IEnumerable<JournalEntry> Outcomes(IReadOnlyList<JournalEntry> entries)
    {
        var byAttempt = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Event is not (JournalEntry.CreateSent or JournalEntry.Created or JournalEntry.AmbiguousCreate or JournalEntry.CreateRefused)) continue;
            // A line with no attempt (written before attempts were journaled) is a create of its own.
            if (e.Attempt is null)
            {
                if (e.Event != JournalEntry.CreateRefused) yield return e;
                continue;
            }
            if (byAttempt.TryGetValue(e.Attempt, out var before) && before.Event == JournalEntry.Created) continue;
            byAttempt[e.Attempt] = e;
        }
        foreach (var last in byAttempt.Values)
            if (last.Event != JournalEntry.CreateRefused) yield return last;
    }

    private static bool IsUncertain(JournalEntry last) => last.Event != JournalEntry.Created;

    /// <summary>What was spent for certain and what may have been billed, over the rows.</summary>
    public static (decimal Spent, decimal Uncertain) Totals(IEnumerable<SpendRow> rows)
    {
        decimal spent = 0, uncertain = 0;
        foreach (var row in rows)
        {
            if (row.Uncertain) uncertain += row.Cost;
            else spent += row.Cost;
        }
        return (spent, uncertain);
    }

    private static bool NotBilledWhenFailed(string? route) => route is not null && FailuresNotBilled.Contains(route, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Which creates a spend question is about.</summary>
public sealed record SpendFilter
{
    public DateTimeOffset? Since { get; init; }
    public string? Batch { get; init; }
    public string? Route { get; init; }

    /// <summary>Only one session's creates (<see cref="JournalEntry.Session"/>): what Connect-Veo calls Spent.</summary>
    public string? Session { get; init; }

    public bool Matches(JournalEntry entry) =>
        (Session is null || string.Equals(entry.Session, Session, StringComparison.Ordinal))
        && (Since is null || entry.At >= Since)
        && (Batch is null || string.Equals(entry.Batch, Batch, StringComparison.OrdinalIgnoreCase))
        && (Route is null || string.Equals(entry.Route, Route, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Money spent on one route and model on one day (UTC): Count creates costing Cost in all. Uncertain rows are creates
/// whose outcome is unknown, which may have been billed; <c>Get-VeoSpend | Measure-Object Cost -Sum</c> counts them too.
/// </summary>
public sealed record SpendRow(string Route, string Model, DateTime Day, int Count, decimal Cost, bool Uncertain)
{
    /// <summary>Creates among Count with no known price (a route without a price row): their money is not in Cost.</summary>
    public int Unpriced { get; init; }
}
