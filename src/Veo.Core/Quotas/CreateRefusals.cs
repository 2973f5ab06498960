using System.Net;
using System.Text.Json;
using Veo.Core.Http;
using Veo.Core.Routes;

namespace Veo.Core.Quotas;

/// <summary>What an error answer to a create proves.</summary>
public enum CreateAnswer
{
    /// <summary>Nothing was made, and sending it again will be refused the same way (a bad request, a refused key).</summary>
    Refused,
    /// <summary>Nothing was made, and the service says to try again later: sent again, after a wait, within the deadline.</summary>
    SendAgain,
    /// <summary>The answer does not say whether a task was made: the uncertain path (journaled, never sent again blindly).</summary>
    MayHaveMade,
}

/// <summary>
/// What a create does after an error answer, dialect by dialect, and how long it waits before sending again. Only an
/// answer that proves nothing was made is sent again, so a second create can never be a second bill.
/// </summary>
internal static class CreateRefusals
{
    /// <summary>
    /// Reads an error answer (status and body, key already removed) to a create:
    /// <list type="bullet">
    /// <item>429, every dialect: the service refused before it made anything (the quota's own answer).</item>
    /// <item>503, every dialect: the service is unavailable and took nothing. Google's rule for calls that are not
    /// idempotent is to retry UNAVAILABLE alone (AIP-194, as gcp-sdk-gax 0.2.0's Aip194Strict reads it; Cloud Workflows'
    /// http.default_retry_predicate_non_idempotent retries 429 and 503).</item>
    /// <item>new-api gateways (OpenAI-Videos, unified video): any other 5xx that carries new-api's own envelope, the task
    /// error {"code","message","data"} (controller/relay.go respondTaskError: c.JSON(taskErr.StatusCode, taskErr)) or
    /// the OpenAI error {"error":{"message","type"}} of its middleware, was answered by the gateway itself after it gave
    /// the pre-consumed quota back (controller/relay.go RelayTask: defer ... relayInfo.Billing.Refund(c) when taskErr is
    /// set) and without recording a task (task.Insert() runs only when taskErr is nil): nothing was made or billed. Sent
    /// again. (QuantumNous/new-api, main as of 2026-12; relay/relay_task.go RelayTaskSubmit wraps an upstream refusal
    /// the same way, "fail_to_fetch_task".)</item>
    /// <item>Google (Gemini API and its Interactions, Vertex AI): any other 5xx, in Google's shape or not, is uncertain.
    /// AIP-194 forbids retrying INTERNAL and the rest for a call that is not idempotent because it may have taken effect,
    /// and google.rpc.Code says so of 504 DEADLINE_EXCEEDED ("the operation may have completed successfully"); none of
    /// them says nothing was made, so a rerun must not send the row again as if refused.</item>
    /// <item>Any 5xx without its dialect's envelope (a proxy's page, an empty body, a 502/504 from a load balancer) may
    /// come after the service made the task: the uncertain path.</item>
    /// </list>
    /// Other 4xx are refusals: the request itself is wrong.
    /// </summary>
    public static CreateAnswer Read(Dialect? dialect, HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (code is 429 or 503) return CreateAnswer.SendAgain;
        if (code < 500) return CreateAnswer.Refused;
        return dialect switch
        {
            Dialect.OpenAIVideos or Dialect.UnifiedVideo when IsNewApiEnvelope(body) => CreateAnswer.SendAgain,
            _ => CreateAnswer.MayHaveMade,
        };
    }

    /// <summary>new-api's task error {"code":"...","message":"..."} or its middleware's {"error":{"message":"...","type":"..."}}.</summary>
    internal static bool IsNewApiEnvelope(string body) => WithRoot(body, root =>
        root.Prop("error") is { ValueKind: JsonValueKind.Object } error && error.Str("message") is not null
        || root.Str("code") is { Length: > 0 } && root.Prop("message") is { ValueKind: JsonValueKind.String });

    /// <summary>Google's {"error":{"code":500,"message":"...","status":"INTERNAL"}}.</summary>
    internal static bool IsGoogleEnvelope(string body) => WithRoot(body, root =>
        root.Prop("error") is { ValueKind: JsonValueKind.Object } error && error.Str("status") is not null && error.Prop("code") is { ValueKind: JsonValueKind.Number });

    private static bool WithRoot(string body, Func<JsonElement, bool> test)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && test(doc.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// How long to wait before sending the create again: what the service asked (Retry-After, or Google's RetryInfo
    /// retryDelay), else the short refusal back-off (<see cref="RefusalBackoff"/>: a half-second window at first,
    /// doubling): such an answer proved nothing was made and says nothing of a long outage. Null when that wait would
    /// pass the deadline: the row fails with the service's own answer.
    /// </summary>
    /// <param name="refusals">Refusals this create has had, this one included.</param>
    /// <param name="waited">Time this create has already spent waiting out refusals.</param>
    /// <param name="jitter">A draw from [0, 1).</param>
    public static TimeSpan? WaitAfter(ApiException refusal, int refusals, TimeSpan waited, HttpPolicy policy, double jitter)
    {
        var wait = refusal.RetryAfter ?? RefusalBackoff.Wait(refusals, policy, jitter);
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        return waited + wait > policy.Deadline ? null : wait;
    }
}
