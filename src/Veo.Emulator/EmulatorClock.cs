namespace Veo.Emulator;

/// <summary>The emulator's notion of now: real time, or a manual clock that only tests move.</summary>
public sealed class EmulatorClock
{
    private readonly object gate = new();
    private readonly bool manual;
    private readonly DateTimeOffset manualStart;
    private TimeSpan offset;

    internal EmulatorClock(bool manual)
    {
        this.manual = manual;
        // Whole seconds, so unix timestamps in answers line up exactly with Advance steps.
        manualStart = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    public DateTimeOffset Now
    {
        get
        {
            lock (gate) return (manual ? manualStart : DateTimeOffset.UtcNow) + offset;
        }
    }

    /// <summary>Moves time forward (on a real clock too, which lets a demo skip the wait).</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "Time only moves forward.");
        lock (gate) offset += by;
    }
}
