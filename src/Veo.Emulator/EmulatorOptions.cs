namespace Veo.Emulator;

/// <summary>How the emulator listens, which key it accepts and how fast its tasks move.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The only key accepted, as a Bearer token or as Google's x-goog-api-key.</summary>
    public string ApiKey { get; set; } = "emulator-key";

    /// <summary>How long a new task stays queued.</summary>
    public TimeSpan QueueTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time from creation to completion (queue time included).</summary>
    public TimeSpan RenderTime { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// When above zero, each task renders for <see cref="RenderTime"/> plus a time drawn uniformly from
    /// [0, RenderTimeSpread) with the seeded random, so a batch finishes spread out and runs repeat.
    /// </summary>
    public TimeSpan RenderTimeSpread { get; set; }

    /// <summary>How long the OpenAI-Videos /content keeps answering IN_PROGRESS after a task completed.</summary>
    public TimeSpan ContentLag { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When true, time only moves when <see cref="EmulatorClock.Advance"/> is called.</summary>
    public bool ManualClock { get; set; }

    /// <summary>
    /// When set, every video is served as a valid MP4 of exactly this many bytes (the fixture with generated
    /// filler in a 64-bit 'mdat'), streamed without being held in memory: for download benchmarks.
    /// </summary>
    public long? LargeVideoBytes { get; set; }

    /// <summary>Creates a minute each key may make (0: no limit); more are answered with the dialect's own 429.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>Tasks each key may have queued or rendering at once (0: no limit); a create past it gets the dialect's 429.</summary>
    public int MaxRunning { get; set; }

    /// <summary>
    /// Whether the OpenAI-Videos dialect lists the key's tasks (GET /v1/videos) as OpenAI does; on by default. Off, it
    /// answers that path as new-api-based gateways (LaoZhang) do, which route no such list: 404 "Invalid URL (GET /v1/videos)"
    /// (QuantumNous/new-api router/video-router.go maps only POST /v1/videos and GET /v1/videos/:task_id; controller/relay.go
    /// RelayNotFound answers the rest).
    /// </summary>
    public bool ListVideos { get; set; } = true;

    /// <summary>
    /// The Gemini dialect's Veo 3.1 ids answer as before their shut-down (2026-10-22) instead of 404 "no longer available":
    /// for a registered gateway that still forwards predictLongRunning, and for tests of that dialect.
    /// </summary>
    public bool GeminiVeoServed { get; set; }

    /// <summary>
    /// The Interactions dialect's delivery of every video, whatever a create asked: "inline" (base64 data in the answer) or
    /// "uri" (a file on the emulator's own origin). Null answers as each create asked (delivery; inline when it says none).
    /// </summary>
    public string? InteractionsDelivery { get; set; }

    /// <summary>Seeds the random draws of render times and of faults with a Probability below 1, so runs repeat.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>
    /// Ids the unified-video gateway serves beyond its own, as gateways add ids whenever they like: made as its Fast model
    /// is, and listed by GET /v1/models. What a script meets when its gateway starts serving a model Veo has not met yet.
    /// </summary>
    public IReadOnlyList<string> AddedGatewayModels { get; set; } = Array.Empty<string>();

    /// <summary>Models the emulator does not serve from the start, as if their service had retired them (see <see cref="FaultKind.ModelRetired"/>).</summary>
    public IReadOnlyList<string> RetiredModels { get; set; } = Array.Empty<string>();
}
