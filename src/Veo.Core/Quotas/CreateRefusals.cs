using Veo.Core.Http;

namespace Veo.Core.Quotas;

/// <summary>
/// What a create does after a 429. A 429 is the service refusing before it made anything, so sending again cannot
/// make a second video; any other failure of a create is not retried here (see <see cref="AmbiguousCreateException"/>).
/// </summary>
internal static class CreateRefusals
{
    /// <summary>The longest back-off between tries when the service does not say how long to wait.</summary>
    public static readonly TimeSpan LongestBackoff = TimeSpan.FromMinutes(1);

    public static bool IsRateLimited(ApiException refusal) => (int)refusal.StatusCode == 429;

    /// <summary>
    /// How long to wait before sending the create again: what the service asked (Retry-After, or Google's RetryInfo
    /// retryDelay), else a jittered exponential back-off. Null when that wait would pass the deadline: the row fails
    /// with the service's own 429.
    /// </summary>
    /// <param name="refusals">429s this create has had, this one included.</param>
    /// <param name="waited">Time this create has already spent waiting out 429s.</param>
    /// <param name="jitter">A draw from [0, 1).</param>
    public static TimeSpan? WaitAfter(ApiException refusal, int refusals, TimeSpan waited, HttpPolicy policy, double jitter)
    {
        var wait = refusal.RetryAfter ?? Backoff(refusals, policy.FirstRetryDelay, jitter);
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        return waited + wait > policy.Deadline ? null : wait;
    }

    /// <summary>first × 2^(n-1), at most <see cref="LongestBackoff"/>, spread over [0.75, 1.25) of that so clients do not retry in step.</summary>
    private static TimeSpan Backoff(int refusals, TimeSpan first, double jitter)
    {
        var doublings = Math.Min(Math.Max(refusals - 1, 0), 20);
        var ticks = Math.Min(first.Ticks * (double)(1L << doublings), LongestBackoff.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (0.75 + jitter / 2)));
    }
}
