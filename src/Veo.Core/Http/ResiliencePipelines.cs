using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Veo.Core.Tasks;

namespace Veo.Core.Http;

/// <summary>
/// The two ways Veo repeats a call. Reads (poll, download, catalog) retry 429, 5xx and network
/// errors with jittered exponential backoff, honouring Retry-After. Creates cost money: they
/// retry only a connection that was never made here; a 429 (the server refused, nothing was made)
/// is waited out by the engine, which holds every create of the route back meanwhile.
/// </summary>
internal static class ResiliencePipelines
{
    public static ResiliencePipeline<HttpResponseMessage> ForReads(HttpPolicy policy, string route, IEngineLog log) =>
        Build(policy, route, log, args => args.Outcome switch
        {
            // Reading it again brings the same flood, or the same "cannot deliver".
            { Exception: AnswerTooLargeException } => false,
            { Result: { } undeliverable } when UndeliverableVideo.Is(undeliverable) => false,
            { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
            { Result: { } r } => r.StatusCode == (HttpStatusCode)429 || (int)r.StatusCode >= 500,
            _ => false,
        });

    public static ResiliencePipeline<HttpResponseMessage> ForCreates(HttpPolicy policy, string route, IEngineLog log) =>
        Build(policy, route, log, args => args.Outcome switch
        {
            { Exception: { } e } => NetworkFailures.NeverReachedServer(e),
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
        return response is not null && (int)response.StatusCode == 429 ? RetryInfo(response) : null;
    }

    /// <summary>
    /// The Gemini API says how long to wait in the body, not a header:
    /// {"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"3s"}]}}
    /// (a protobuf Duration, so "1.5s" too). Only a body already read whole is looked at.
    /// </summary>
    private static TimeSpan? RetryInfo(HttpResponseMessage response)
    {
        if (response.Content is not ByteArrayContent) return null;
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var match = System.Text.RegularExpressions.Regex.Match(body, "\"retryDelay\"\\s*:\\s*\"(?<seconds>\\d+(?:\\.\\d+)?)s\"");
        return match.Success && double.TryParse(match.Groups["seconds"].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
