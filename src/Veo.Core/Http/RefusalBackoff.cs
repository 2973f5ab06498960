namespace Veo.Core.Http;

/// <summary>
/// How long to wait before trying again after an answer that says "not now" and nothing more: a create refused for
/// certain (429 without a wait, 503, a gateway's own envelope: Quotas/CreateRefusals.cs) or a download refused with a
/// 5xx or a 429. Such an answer says nothing of a long outage, so the first wait is short and the window doubles on
/// each refusal in a row, up to a cap; the wait is drawn from the whole window ("full jitter": AWS Architecture Blog,
/// "Exponential Backoff And Jitter", 2015-03-04), so clients refused together do not come back together. OpenAI's own
/// client starts at the same half second (openai-node 5.23.2, src/client.ts calculateDefaultRetryTimeoutMillis:
/// initialRetryDelay 0.5, maxRetryDelay 8). A wait the service asked for (Retry-After, Google's RetryInfo) is not this:
/// the callers obey it as asked.
/// </summary>
internal static class RefusalBackoff
{
    /// <param name="refusals">Refusals in a row, this one included (1 for the first).</param>
    /// <param name="jitter">A draw from [0, 1).</param>
    public static TimeSpan Wait(int refusals, HttpPolicy policy, double jitter)
    {
        var doublings = Math.Min(Math.Max(refusals - 1, 0), 30);
        var window = Math.Min(policy.RefusedRetryFirst.Ticks * Math.Pow(2, doublings), policy.RefusedRetryLongest.Ticks);
        return TimeSpan.FromTicks((long)(window * Math.Min(Math.Max(jitter, 0), 1)));
    }
}
