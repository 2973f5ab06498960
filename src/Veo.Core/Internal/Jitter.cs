namespace Veo.Core.Internal;

/// <summary>Random spreads, so many clients (or many tasks) never poll in lock step.</summary>
internal static class Jitter
{
    [ThreadStatic] private static Random? _random;

    private static Random Random => _random ??= new Random(Guid.NewGuid().GetHashCode());

    public static int Between(int min, int max) => Random.Next(min, max);

    /// <summary>The interval spread by ±20%.</summary>
    public static TimeSpan Spread(TimeSpan interval) => TimeSpan.FromTicks((long)(interval.Ticks * (0.8 + 0.4 * Random.NextDouble())));
}
