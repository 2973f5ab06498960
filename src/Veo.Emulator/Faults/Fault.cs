namespace Veo.Emulator;

/// <summary>What can go wrong on purpose.</summary>
public enum FaultKind
{
    /// <summary>Handle the request, then wait <see cref="Fault.Delay"/> before answering (a create still creates).</summary>
    Latency,
    /// <summary>429 in the dialect's error shape, with Retry-After when <see cref="Fault.RetryAfter"/> is set; nothing is created.</summary>
    RateLimit,
    /// <summary><see cref="Fault.StatusCode"/> (500, 502 or 503) in the dialect's error shape; nothing is created.</summary>
    ServerError,
    /// <summary>Drop the connection before reading the body; nothing is created.</summary>
    ResetBeforeRead,
    /// <summary>Handle the request fully (a create creates), then drop the connection instead of answering.</summary>
    ResetAfterRead,
    /// <summary>Send the full Content-Length, then half the bytes, then drop the connection.</summary>
    TruncateBody,
    /// <summary>Answer normally but with the first bytes of the body flipped.</summary>
    CorruptBody,
    /// <summary>Answer 200 with the first half of the JSON (the request is still handled).</summary>
    MalformedJson,
    /// <summary>The next task created by a matching request ends as failed.</summary>
    FailTask,
    /// <summary>The next task created by a matching request serves its video only <see cref="Fault.Delay"/> after completing.</summary>
    ContentLag,
    /// <summary>
    /// A completed task whose video the gateway cannot deliver (often a safety-filtered one): new-api's video proxy answers
    /// 502 {"error":{"message":"Failed to fetch video content","type":"server_error"}} (controller/video_proxy.go,
    /// videoProxyError; also "Failed to resolve Gemini video URL"). <see cref="Fault.ErrorMessage"/> replaces the message.
    /// </summary>
    VideoUndeliverable,
    /// <summary>
    /// The older task path (/v1/video/generations/{id}) answers as stock new-api does rather than as LaoZhang documents
    /// (the same object as /v1/videos/{id}): {"code":"success","data":{"task_id","status":"SUCCESS","progress":"100%"}}.
    /// </summary>
    StockNewApiTaskShape,
    /// <summary>
    /// The unified-video answers as other gateways of the family give them (Yunwu-style): wrapped in
    /// {"code":"success","data":{...}} and with the word "success" for a finished task, not "completed".
    /// </summary>
    WrappedUnifiedShape,
    /// <summary>
    /// From now on the model <see cref="Fault.Model"/> is gone, as when a service retires it: its creates are answered as
    /// the real service answers a model it does not serve (the Gemini API and Vertex AI 404 NOT_FOUND, a new-api gateway
    /// 503 model_not_found) and the model lists leave it out. Not used up by requests; <see cref="FaultPlan.Clear"/> brings it back.
    /// </summary>
    ModelRetired,
}

/// <summary>
/// A fault for the next <paramref name="Times"/> matching requests: each is hit with <paramref name="Probability"/>.
/// <paramref name="PathContains"/> matches path and query, ignoring case; null matches every API request.
/// </summary>
public sealed record Fault(FaultKind Kind, string? PathContains = null, int Times = 1, double Probability = 1.0)
{
    /// <summary>For <see cref="FaultKind.ServerError"/>: 500, 502 or 503.</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>For <see cref="FaultKind.RateLimit"/>: sent as a Retry-After header in whole seconds (rounded up).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For <see cref="FaultKind.Latency"/> and <see cref="FaultKind.ContentLag"/>.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>For <see cref="FaultKind.ModelRetired"/>: the model id the emulator stops serving.</summary>
    public string? Model { get; init; }

    /// <summary>For <see cref="FaultKind.FailTask"/>: the failure message the task reports.</summary>
    public string? ErrorMessage { get; init; }

    internal bool ShapesTasks => Kind is FaultKind.FailTask or FaultKind.ContentLag;
}
