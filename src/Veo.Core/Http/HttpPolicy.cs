namespace Veo.Core.Http;

/// <summary>The resilience numbers, in one place. Tests shrink the delays; nothing else changes.</summary>
public sealed record HttpPolicy
{
    public int MaxRetries { get; init; } = 5;
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>
    /// The first window of the back-off after a refusal that says only "not now" (a create refused for certain, a
    /// download refused with a 5xx or 429): the wait is drawn from [0, window), the window doubling per refusal in a row
    /// up to <see cref="RefusedRetryLongest"/> (<see cref="RefusalBackoff"/>).
    /// </summary>
    public TimeSpan RefusedRetryFirst { get; init; } = TimeSpan.FromSeconds(0.5);
    public TimeSpan RefusedRetryLongest { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>A Retry-After longer than this is not waited out; the error goes to the user.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>
    /// The longest wait between tries while the content endpoint lags behind "completed". The waits start at
    /// <see cref="ContentRetryFirst"/> and double up to this: a one-second lag costs about a second, not ten.
    /// </summary>
    public TimeSpan ContentRetryInterval { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan ContentRetryFirst { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan ContentReadyDeadline { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The largest JSON answer read: every answer of these APIs is a few kilobytes (a gateway's whole /api/pricing
    /// catalog some hundreds), so anything past this is a broken or hostile server, refused before it fills memory.
    /// </summary>
    public long MaxAnswerBytes { get; init; } = 8L << 20;

    /// <summary>
    /// The largest video saved. An 8-second Veo 3.1 video is tens of megabytes even at 4K; 2 GiB leaves room for any
    /// honest file and stops a server that promises (or streams) without end. Save-VeoVideo -MaxSize changes it.
    /// </summary>
    public long MaxVideoBytes { get; init; } = 2L << 30;

    /// <summary>
    /// The longest one download may take. Each read must bring data within <see cref="AttemptTimeout"/>, but a server
    /// that trickles a byte every few seconds would pass that forever; this ends it (30 minutes is 2 GiB at 1.2 MB/s).
    /// </summary>
    public TimeSpan DownloadDeadline { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The client every request goes through; null is the process's shared one (the network). Start-VeoEmulator gives
    /// a session one that answers the emulator's origin in-process and sends everything else on to the network.
    /// </summary>
    public HttpClient? Transport { get; init; }

    public static HttpPolicy Default { get; } = new();
}
