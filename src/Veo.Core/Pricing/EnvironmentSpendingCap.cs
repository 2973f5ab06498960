using System.Globalization;

namespace Veo.Core.Pricing;

/// <summary>
/// VEO_MAX_COST caps what this process spends in all its runspaces together (ForEach-Object -Parallel, thread jobs
/// each have their own session), so no parallel idiom spends past it. Read at every create, so a change takes effect.
/// </summary>
public static class EnvironmentSpendingCap
{
    public const string Variable = "VEO_MAX_COST";

    private static readonly SpendingGuard Guard = new(null, $"{Variable} cap");

    // Emulated videos (Start-VeoEmulator) answer to the same cap on a ledger of their own: a test of a script that
    // runs into VEO_MAX_COST behaves as the real run would, and no emulated dollar is counted against the real cap.
    private static readonly SpendingGuard Emulated = new(null, $"{Variable} cap");

    /// <summary>The process-wide guard with the cap the variable sets now.</summary>
    /// <exception cref="ArgumentException">The variable is set but is not a plain amount: a cap that cannot be read must not mean "no cap".</exception>
    public static SpendingGuard Current()
    {
        Guard.Cap = Parse(Environment.GetEnvironmentVariable(Variable));
        return Guard;
    }

    /// <summary>The guard emulated creates answer to, with the cap the variable sets now.</summary>
    /// <exception cref="ArgumentException">The variable is set but is not a plain amount.</exception>
    public static SpendingGuard CurrentEmulated()
    {
        Emulated.Cap = Parse(Environment.GetEnvironmentVariable(Variable));
        return Emulated;
    }

    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(text!.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cap)) return cap;
        throw new ArgumentException(
            $"{Variable} is '{text}', which is not an amount of US dollars: write a plain number such as 5 or 0.60 (no currency sign, no comma). Nothing was sent.");
    }
}
