using Veo.Core.Tasks;

namespace Veo.Core.Pricing;

/// <summary>
/// Every cap one batch of creates answers to: its own (New-VeoVideo -MaxCost), the session's (Connect-Veo -MaxCost)
/// and the process's (VEO_MAX_COST). A create's cost is reserved against all of them at once before it is sent, so
/// creates running side by side can never pass a cap together. When the create ends, it counts as its last journal line
/// reads (<see cref="Settle"/>): only a create refused for certain, or never sent, gives its cost back. Once one video
/// is refused, so is every later one of the batch: a script never spends past a cap by skipping one video.
/// </summary>
public sealed class SpendingCaps
{
    /// <summary>One ledger for every guard of the process, so a reservation against several is all or nothing.</summary>
    private static readonly object Ledger = new();

    private readonly IReadOnlyList<SpendingGuard> _guards;
    private readonly Func<SpendingGuard> _process;
    private string? _refusal;
    private decimal _pretended;
    private decimal _held;
    private readonly SpendingCaps? _batch;

    /// <param name="guards">The batch's and the session's guards (null ones are skipped); the VEO_MAX_COST cap is always added.</param>
    public SpendingCaps(params SpendingGuard?[] guards)
        : this(EnvironmentSpendingCap.Current, guards)
    {
    }

    /// <param name="process">The VEO_MAX_COST guard, read at every check (VeoSession.ProcessSpending: the emulated one while emulating).</param>
    /// <param name="guards">The batch's and the session's guards (null ones are skipped).</param>
    public SpendingCaps(Func<SpendingGuard> process, params SpendingGuard?[] guards)
    {
        _process = process;
        _guards = guards.OfType<SpendingGuard>().ToList();
    }

    /// <summary>Why a video of this cost would be refused now, without reserving anything (for -WhatIf and early errors); a refusal holds for the rest of the batch.</summary>
    /// <exception cref="ArgumentException">VEO_MAX_COST cannot be read.</exception>
    public string? Check(decimal? cost)
    {
        lock (Ledger) return Refusal(cost + _pretended + _held, Guards()) is { } refusal ? _refusal = refusal : null;
    }

    /// <summary>
    /// Counts a video that was confirmed but waits for a slot before it is sent (New-VeoVideo -ThrottleLimit), so the
    /// rows checked and asked about after it see it as spent: -Confirm never asks about a video the cap will then
    /// refuse. <see cref="Unhold"/> it as it goes to <see cref="TryReserve"/>.
    /// </summary>
    public void Hold(decimal? cost)
    {
        lock (Ledger) _held += cost ?? 0;
    }

    /// <summary>
    /// Takes a hold back as its video goes to be sent, and gives the caps to send it under: the same ledgers, but not
    /// the batch's refusal of rows checked after this one was confirmed (they were refused because it was counted);
    /// a refusal of its own still ends the batch.
    /// </summary>
    public SpendingCaps Unhold(decimal? cost)
    {
        lock (Ledger) _held -= cost ?? 0;
        return new SpendingCaps(this);
    }

    private SpendingCaps(SpendingCaps batch)
    {
        _process = batch._process;
        _guards = batch._guards;
        _batch = batch;
    }

    /// <summary>Counts a video -WhatIf showed as made, so the rest of the what-if batch shows where a cap would stop it.</summary>
    public void Pretend(decimal? cost)
    {
        lock (Ledger) _pretended += cost ?? 0;
    }

    /// <summary>Reserves the cost against every cap, or returns why not (and refuses the rest of the batch from then on).</summary>
    /// <exception cref="ArgumentException">VEO_MAX_COST cannot be read.</exception>
    public string? TryReserve(decimal? cost)
    {
        lock (Ledger)
        {
            var guards = Guards();
            if (Refusal(cost, guards) is { } refusal)
            {
                if (_batch is not null) _batch._refusal = refusal;
                return _refusal = refusal;
            }
            foreach (var guard in guards) guard.Record(cost);
            return null;
        }
    }

    /// <summary>The session whose journal lines these caps' creates carry (the session guard's id), or null.</summary>
    public string? Session => _guards.Select(g => g.Session).FirstOrDefault(s => s is not null);

    /// <summary>
    /// Ends a reservation as the journal reads its create: the reserved cost becomes what
    /// <see cref="SpendLedger.Counted"/> counts for the create's last line (<paramref name="last"/>; null: nothing was
    /// sent). A create made or maybe made (its answer lost, the process stopped mid-request) stays counted, never given
    /// back; one refused for certain, or never sent, gives its cost back.
    /// </summary>
    public void Settle(decimal? cost, JournalEntry? last)
    {
        if (cost is null) return;
        var counted = SpendLedger.Counted(last);
        if (counted == cost) return;
        lock (Ledger)
        {
            foreach (var guard in Guards()) guard.Record(counted - cost.Value);
        }
    }

    private string? Refusal(decimal? cost, IEnumerable<SpendingGuard> guards) =>
        _refusal is not null
            ? "A spending cap was reached earlier in this batch; nothing more is sent."
            : guards.Select(g => g.Refusal(cost)).FirstOrDefault(r => r is not null);

    private IEnumerable<SpendingGuard> Guards() => _guards.Append(_process());
}
