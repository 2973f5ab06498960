namespace Veo.Core.Internal;

/// <summary>Random spreads, so many clients (or many tasks) never poll in lock step.</summary>
internal static class Jitter
{
    [ThreadStatic] private static Random? _random;

    private static Random Random => _random ??= new Random(Guid.NewGuid().GetHashCode());

    public static int Between(int min, int max) => Random.Next(min, max);

    /// <summary>A draw from [0, 1).</summary>
    public static double Fraction() => Random.NextDouble();
}
