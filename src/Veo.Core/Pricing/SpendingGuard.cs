namespace Veo.Core.Pricing;

/// <summary>
/// A cap on what a batch (New-VeoVideo -MaxCost) or a session (Connect-Veo -MaxCost, VEO_MAX_COST)
/// may spend. A video whose price is unknown cannot be proven to fit, so a capped guard refuses it.
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

    public string Name { get; }
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
