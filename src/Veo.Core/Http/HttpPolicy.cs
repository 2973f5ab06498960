namespace Veo.Core.Http;

/// <summary>The resilience numbers, in one place. Tests shrink the delays; nothing else changes.</summary>
public sealed record HttpPolicy
{
    public int MaxRetries { get; init; } = 5;
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>A Retry-After longer than this is not waited out; the error goes to the user.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>How long to wait between tries while the content endpoint lags behind "completed".</summary>
    public TimeSpan ContentRetryInterval { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan ContentReadyDeadline { get; init; } = TimeSpan.FromMinutes(3);

    public static HttpPolicy Default { get; } = new();
}
