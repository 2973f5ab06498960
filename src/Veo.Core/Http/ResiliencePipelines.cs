using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Veo.Core.Tasks;

namespace Veo.Core.Http;

/// <summary>
/// The two ways Veo repeats a call. Reads (poll, download, catalog) retry 429, 5xx and network
/// errors with jittered exponential backoff, honouring Retry-After. Creates cost money: they
/// retry a 429 (the server refused, nothing was made) and a connection that was never made,
/// and nothing else.
/// </summary>
internal static class ResiliencePipelines
{
    public static ResiliencePipeline<HttpResponseMessage> ForReads(HttpPolicy policy, string route, IEngineLog log) =>
        Build(policy, route, log, args => args.Outcome switch
        {
            // Reading it again brings the same flood.
            { Exception: AnswerTooLargeException } => false,
            { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
            { Result: { } r } => r.StatusCode == (HttpStatusCode)429 || (int)r.StatusCode >= 500,
            _ => false,
        });

    public static ResiliencePipeline<HttpResponseMessage> ForCreates(HttpPolicy policy, string route, IEngineLog log) =>
        Build(policy, route, log, args => args.Outcome switch
        {
            { Exception: { } e } => NetworkFailures.NeverReachedServer(e),
            { Result: { } r } => r.StatusCode == (HttpStatusCode)429,
            _ => false,
        });

    private static ResiliencePipeline<HttpResponseMessage> Build(HttpPolicy policy, string route, IEngineLog log, Func<RetryPredicateArguments<HttpResponseMessage>, bool> shouldRetry) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(policy.Deadline)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, policy.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.FirstRetryDelay,
                ShouldHandle = args => new ValueTask<bool>(policy.MaxRetries > 0 && shouldRetry(args) && RetryAfterWithinLimit(args.Outcome.Result, policy)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    var why = args.Outcome.Result is { } r ? $"{(int)r.StatusCode} {r.StatusCode}" : args.Outcome.Exception?.Message ?? "no answer";
                    var asked = RetryAfter(args.Outcome.Result) is not null ? ", as the service asked" : "";
                    log.Verbose($"{route}: {why}; trying again in {args.RetryDelay.TotalSeconds:0.0} s{asked} (retry {args.AttemptNumber + 1} of {policy.MaxRetries}).");
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(policy.AttemptTimeout)
            .Build();

    private static bool RetryAfterWithinLimit(HttpResponseMessage? response, HttpPolicy policy) =>
        RetryAfter(response) is not { } wait || wait <= policy.MaxRetryAfter;

    public static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        return null;
    }
}
