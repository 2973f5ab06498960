namespace Veo.Core.Pricing;

/// <summary>
/// A cap on what a batch (New-VeoVideo -MaxCost) or a session (Connect-Veo -MaxCost, VEO_MAX_COST)
/// may spend. A video whose price is unknown cannot be proven to fit, so a capped guard refuses it.
/// What it counts as spent is the journal's figure for its creates: each create in flight at its price (reserved before
/// it is sent), and each ended create as <see cref="SpendLedger.Counted"/> reads its last journal line (made or maybe
/// made: its price; refused for certain: nothing). A session's guard (<see cref="ForSession"/>) has an id its creates'
/// lines carry, so Connect-Veo's Spent, read back from the journal, is the same figure.
/// </summary>
public sealed class SpendingGuard
{
    private readonly object _lock = new();

    private decimal? _cap;

    public SpendingGuard(decimal? cap, string name)
    {
        Cap = cap;
        Name = name;
    }

    /// <summary>The cap; changing it keeps what was spent, so re-connecting never forgets money already spent.</summary>
    public decimal? Cap
    {
        get => _cap;
        set => _cap = value is < 0 ? throw new ArgumentOutOfRangeException(nameof(value), value, "A spending cap cannot be negative.") : value;
    }

    /// <summary>A session's guard: its creates' journal lines carry a new session id, <see cref="Session"/>.</summary>
    public static SpendingGuard ForSession(decimal? cap, string name) => new(cap, name) { Session = Guid.NewGuid().ToString("N") };

    public string Name { get; }

    /// <summary>The session whose journal lines (<see cref="Tasks.JournalEntry.Session"/>) this guard counts; null for a batch's or the process's cap.</summary>
    public string? Session { get; private init; }

    /// <summary>This session's guard with another cap, counting from nothing (Start-VeoEmulator's: emulated videos are not money spent).</summary>
    public SpendingGuard Fresh() => new(Cap, Name) { Session = Session };

    public decimal Spent { get; private set; }

    /// <summary>Why the next video may not be made, or null when it fits under the cap.</summary>
    public string? Refusal(decimal? cost)
    {
        if (Cap is not { } cap) return null;
        lock (_lock)
        {
            if (cost is null)
                return $"The {Name} of {Money(cap)} is set, but this video has no known price; add a price row (Get-VeoPrice -PriceBook) or remove the cap.";
            return Spent + cost > cap
                ? $"The {Name} of {Money(cap)} would be passed: {Money(Spent)} spent so far plus {Money(cost.Value)} for this video. Nothing was sent."
                : null;
        }
    }

    public void Record(decimal? cost)
    {
        if (cost is null) return;
        lock (_lock) Spent += cost.Value;
    }

    public static string Money(decimal amount) => "$" + amount.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture);
}
