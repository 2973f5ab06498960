namespace Veo.Core.Tasks;

/// <summary>
/// When one task is polled. A new task is first polled a little less than one interval after it is added (jittered,
/// so tasks created together do not poll together); a task that is not new is polled at once. From then on polls keep
/// a steady beat of exactly one interval, which the time each poll takes does not push later. So a finished task is
/// seen no later than one interval after it finishes, with no more polls than a plain fixed-interval loop.
/// </summary>
/// <remarks>
/// Jittering every interval by ±20% instead (the first design) let one gap in two run past the interval: the
/// benchmark saw 5% of videos more than one interval late, the latest at 1.16 intervals.
/// </remarks>
internal sealed class PollSchedule
{
    /// <summary>The first poll of a new task comes between this share of an interval and a whole one after it is added.</summary>
    public const double EarliestFirstPoll = 0.8;

    private readonly TimeSpan _interval;

    /// <param name="jitter">A draw from [0, 1): where in (0.8, 1] intervals the first poll of a new task falls.</param>
    public PollSchedule(TimeSpan interval, DateTimeOffset addedAt, bool isNew, double jitter)
    {
        _interval = interval;
        Due = isNew ? addedAt + Times(interval, 1 - (1 - EarliestFirstPoll) * jitter) : addedAt;
    }

    /// <summary>When the next poll should go out.</summary>
    public DateTimeOffset Due { get; private set; }

    /// <summary>
    /// Moves past a poll whose answer came at <paramref name="answeredAt"/>: one interval after the poll was due, or,
    /// when the answer came later than that (a slow service, polls queued at the gate), one interval after the answer.
    /// </summary>
    public DateTimeOffset Next(DateTimeOffset answeredAt)
    {
        Due += _interval;
        if (Due <= answeredAt) Due = answeredAt + _interval;
        return Due;
    }

    /// <summary>A poll that failed (an outage, a 429) is tried again after <paramref name="delay"/>, not a whole interval.</summary>
    public void RetryAfter(DateTimeOffset failedAt, TimeSpan delay) => Due = failedAt + delay;

    private static TimeSpan Times(TimeSpan interval, double factor) => TimeSpan.FromTicks((long)(interval.Ticks * factor));
}
