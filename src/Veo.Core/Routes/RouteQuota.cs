namespace Veo.Core.Routes;

/// <summary>
/// How fast a route takes creates: requests a minute and tasks running at once, per key. Creates are held back to fit,
/// across every create of the process for the same address and key. Null means no limit of that kind.
/// </summary>
/// <remarks>
/// "Running" is counted by Veo, which cannot see other programs' tasks: a task runs from its create until a poll sees
/// it finished, or until <see cref="RunningFor"/> has passed since the create, whichever comes first. So a task no one
/// waits for frees its place after that time, and a task that runs longer may meet the service's own 429 (waited out).
/// </remarks>
public sealed record RouteQuota
{
    /// <summary>Google's documented longest generation: "Latency: Min: 11 seconds; Max: 6 minutes (during peak hours)" (ai.google.dev/gemini-api/docs/video).</summary>
    public static readonly TimeSpan LongestGeneration = TimeSpan.FromMinutes(6);

    public int? RequestsPerMinute { get; init; }
    public int? MaxRunning { get; init; }

    /// <summary>How long a created task counts as running when no poll has seen it finish.</summary>
    public TimeSpan RunningFor { get; init; } = LongestGeneration;

    /// <summary>Where the numbers come from, for Get-VeoRoute and the docs.</summary>
    public string Source { get; init; } = "";

    /// <summary>The window requests are counted in; a minute, shorter only in tests.</summary>
    internal TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    public bool IsLimited => RequestsPerMinute is not null || MaxRunning is not null;

    public static RouteQuota None { get; } = new() { Source = "none" };

    /// <summary>
    /// The Gemini API's quota is per project and per usage tier, shown in AI Studio rather than published per model (its
    /// rate-limits page: "Rate limits are applied per project, not per API key"; no Gemini Omni figure was found on a page
    /// read 2026-12-06). The figures kept are the ones Google published for the Veo 3.1 preview models the route made
    /// before ("Maximum API requests per minute per project: 10", Google Cloud's Veo 3.1 model page; 10 running reported by
    /// aifreeapi.com, March 2026): a cautious pace for Omni until Google says more. Connect-Veo -RequestsPerMinute and
    /// -MaxRunning set the project's own (AI Studio shows them); a 429 RESOURCE_EXHAUSTED with RetryInfo is waited out.
    /// </summary>
    public static RouteQuota Google { get; } = new()
    {
        RequestsPerMinute = 10,
        MaxRunning = 10,
        Source = "Google: per project and tier, shown in AI Studio (none published for Gemini Omni); Veo 3.1 preview's documented 10 requests/min and reported 10 running kept as a cautious default",
    };

    /// <summary>
    /// Vertex AI, whose route makes the -001 models by default: "50 RPM" with "10 concurrent requests" per project for
    /// veo-3.1-generate-001 and veo-3.1-fast-generate-001, the preview models at 10 a minute (aifreeapi.com, "Veo 3.1 API
    /// rate limit", checked against cloud.google.com in March 2026; Google's own quota page lists Veo by project and
    /// region in the console). A region's quota is its own, so the numbers hold in every location. A preview model used
    /// here at more than 10 a minute meets the service's 429, which is waited out; Connect-Veo -RequestsPerMinute 10 avoids it.
    /// </summary>
    public static RouteQuota Vertex { get; } = new()
    {
        RequestsPerMinute = 50,
        MaxRunning = 10,
        Source = "Vertex AI: 50 requests/min and 10 running per project and region for the -001 models (reported, March 2026)",
    };

    /// <summary>
    /// The gateways publish no limits (their Veo pages name none; new-api's own rate and concurrency limits are off
    /// unless the operator turns them on). They pool upstream keys, so Google's per-project numbers would be needlessly
    /// slow; these are a guess on the safe side, and a 429 that still comes is waited out. Connect-Veo changes them.
    /// </summary>
    public static RouteQuota Gateway(string name) => new()
    {
        RequestsPerMinute = 30,
        MaxRunning = 20,
        Source = $"{name}: unpublished; a safe default (30 requests/min, 20 running)",
    };

    /// <summary>This quota with the numbers given replacing its own; 0 lifts that limit.</summary>
    public RouteQuota With(int? requestsPerMinute, int? maxRunning, string source)
    {
        if (requestsPerMinute is null && maxRunning is null) return this;
        return this with
        {
            RequestsPerMinute = requestsPerMinute is { } rpm ? (rpm == 0 ? null : rpm) : RequestsPerMinute,
            MaxRunning = maxRunning is { } running ? (running == 0 ? null : running) : MaxRunning,
            Source = source,
        };
    }

    public override string ToString() =>
        $"{(RequestsPerMinute is { } rpm ? $"{rpm}/min" : "no rate limit")}, {(MaxRunning is { } running ? $"{running} running" : "no running limit")}";
}
