using Veo.Core.Http;
using Veo.Core.Media;
using Veo.Core.Providers;
using Veo.Core.Requests;

namespace Veo.Core.Tasks;

/// <summary>
/// Streams a finished video to "name.partial", checks it is a whole MP4, then renames it into place.
/// A failed or cut-short download leaves nothing behind; the "not ready yet" lag is waited out.
/// </summary>
internal sealed class VideoSaver
{
    private readonly HttpPolicy _policy;
    private readonly IEngineLog _log;

    public VideoSaver(HttpPolicy policy, IEngineLog log)
    {
        _policy = policy;
        _log = log;
    }

    /// <param name="sample">Which of the task's videos (0 for the first): a Vertex AI task can hold up to 4.</param>
    /// <param name="slots">
    /// Held only while bytes are fetched and checked, never during the waits between tries (a cut-short download, a
    /// video not ready yet): a download waiting to try again leaves its slot to one that can run. Null: no limit here.
    /// </param>
    public async Task<SaveResult> SaveAsync(IVideoProvider provider, VideoTask task, string path, bool overwrite, DownloadProgress? progress, CancellationToken cancellationToken,
        int sample = 0, SemaphoreSlim? slots = null)
    {
        if (sample > 0 && provider is not ISampledVideoProvider)
            throw new ArgumentException($"Route {provider.Route.Name} makes one video per task; there is no video {sample + 1} of task {task.Id}.");
        if (File.Exists(path) && !overwrite)
            throw new IOException($"The file '{path}' already exists. Use -Force to overwrite it, or choose another -Path.");
        var partial = path + ".partial";
        var readyBy = DateTimeOffset.UtcNow + _policy.ContentReadyDeadline;
        var attempt = 0;
        var notReady = 0;
        var waited = TimeSpan.Zero;
        try
        {
            while (true)
            {
                try
                {
                    progress?.Restart();
                    Mp4Info info;
                    if (slots is not null) await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    // Tried once inside the slot: a 5xx or 429 is waited out below, with the slot given back.
                    using var once = ReadRetries.TurnOff();
                    try
                    {
                        using (var file = CreatePartial(partial))
                        {
                            var target = new DownloadTarget(file, _policy.MaxVideoBytes, progress);
                            if (provider is ISampledVideoProvider sampled) await sampled.DownloadAsync(task, sample, target, cancellationToken).ConfigureAwait(false);
                            else await provider.DownloadAsync(task, target, cancellationToken).ConfigureAwait(false);
                        }
                        info = Mp4Reader.ReadFile(partial);
                    }
                    finally
                    {
                        slots?.Release();
                    }
                    Replace(partial, path);
                    _log.Verbose($"Saved {task.Id} to {path} ({info.Width}x{info.Height}, {info.Duration.TotalSeconds:0.#} s).");
                    return new SaveResult(ToVideoFile(task, path, info) with { Sample = sample + 1 }, Warnings(task, info));
                }
                catch (ContentNotReadyException e) when (DateTimeOffset.UtcNow + ContentWait(notReady) < readyBy)
                {
                    var wait = ContentWait(notReady++);
                    _log.Verbose($"{e.Message} Trying again in {wait.TotalSeconds:0.#} s.");
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or HttpRequestException or InvalidVideoException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                              or ApiException { StatusCode: (System.Net.HttpStatusCode)429 or >= System.Net.HttpStatusCode.InternalServerError }
                                              // An inline video's answer (Interactions, Vertex AI) cut short or mangled in transit: JSON that does not parse.
                                              or ApiException { ErrorCode: "malformed_response" }
                                          && e is not FileNotFoundException && e is not DirectoryNotFoundException && e is not VideoTooLargeException
                                          && !IsLocalFileProblem(e) && ++attempt <= _policy.MaxRetries && !cancellationToken.IsCancellationRequested)
                {
                    // A body cut short or mangled in transit, or a refusal for now: the whole download starts again from byte 0.
                    if (RetryWait(e, attempt, waited, _policy, Internal.Jitter.Fraction()) is not { } wait) throw;
                    waited += wait;
                    _log.Verbose($"The download of {task.Id} failed ({e.Message}); starting it again in {wait.TotalSeconds:0.##} s (try {attempt + 1}).");
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    /// <summary>
    /// A new, empty .partial (one left by a save that was cut short, or by the previous try, is removed first). Never
    /// FileMode.Create: on Unix .NET opens that without O_TRUNC and truncates with ftruncate(0), and ext4 takes a
    /// truncate to 0 as a file being replaced in place (auto_da_alloc, on by default), so closing it starts writeback of
    /// every page written: 0.4–0.6 s of a 1 GiB save spent in Dispose, where curl's open (O_CREAT|O_TRUNC on a file it
    /// just created, so nothing to truncate) spends nothing. Measured in docs/guide/Performance.md ("The ftruncate").
    /// </summary>
    private static FileStream CreatePartial(string partial)
    {
        File.Delete(partial);
        return new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
    }

    /// <summary>A body broken in transit (cut short, reset, mangled) came from a server that was answering.</summary>
    internal static readonly TimeSpan TransportRetryStep = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a failed download waits before it starts again, or null to give up: what the service asked
    /// (Retry-After), unless it is longer than the policy waits out (<see cref="HttpPolicy.MaxRetryAfter"/>, as for every
    /// read); else, for a refusal (a 5xx or 429, which says nothing of a long outage), the short refusal back-off
    /// (<see cref="RefusalBackoff"/>: half a second's window at first, doubling); for a body broken in transit, which
    /// says nothing of the service being busy, a quarter second times the try. Waiting 2 s × try after a refusal was
    /// the tail of a faulty batch's saves (docs/guide/Performance.md, "A batch run again"). Null too when the waits
    /// would pass the policy's deadline.
    /// </summary>
    /// <param name="attempt">Failed tries of this download, this one included (1 for the first).</param>
    /// <param name="waited">Time this download has already spent waiting between tries.</param>
    /// <param name="jitter">A draw from [0, 1).</param>
    internal static TimeSpan? RetryWait(Exception e, int attempt, TimeSpan waited, HttpPolicy policy, double jitter)
    {
        var wait = e switch
        {
            ApiException { RetryAfter: { } asked } when asked > policy.MaxRetryAfter => (TimeSpan?)null,
            ApiException { RetryAfter: { } asked } => asked < TimeSpan.Zero ? TimeSpan.Zero : asked,
            ApiException => RefusalBackoff.Wait(attempt, policy, jitter),
            _ => TimeSpan.FromTicks(Math.Min(TransportRetryStep.Ticks, policy.FirstRetryDelay.Ticks) * attempt),
        };
        return wait is { } w && waited + w <= policy.Deadline ? w : null;
    }

    /// <summary>A full disk or a refused write will not mend by fetching again (5 tries and 30 s before): report it at once.</summary>
    private static bool IsLocalFileProblem(Exception e) =>
        e is IOException && e.Message.IndexOf("free", StringComparison.OrdinalIgnoreCase) >= 0 || e is UnauthorizedAccessException;

    /// <summary>The wait after the n-th "not ready yet": the first interval, doubling, up to the longest.</summary>
    private TimeSpan ContentWait(int n)
    {
        var first = _policy.ContentRetryFirst < _policy.ContentRetryInterval ? _policy.ContentRetryFirst : _policy.ContentRetryInterval;
        var ticks = first.Ticks * Math.Pow(2, Math.Min(n, 20));
        return ticks >= _policy.ContentRetryInterval.Ticks ? _policy.ContentRetryInterval : TimeSpan.FromTicks((long)ticks);
    }

    private static void Replace(string partial, string path)
    {
        if (File.Exists(path)) File.Delete(path);
        File.Move(partial, path);
    }

    /// <summary>The saved file's facts, from its MP4, with its task's story (the caller says which of the task's videos it is).</summary>
    internal static VideoFile ToVideoFile(VideoTask task, string path, Mp4Info info) => VideoFile.Of(task, count: Math.Max(1, task.VideoCount ?? 1)) with
    {
        Path = path,
        Length = new FileInfo(path).Length,
        Width = info.Width,
        Height = info.Height,
        Duration = Math.Round(info.Duration.TotalSeconds, 3),
        HasAudio = info.HasAudio,
    };

    /// <summary>Half a second either way is the same video: containers round, and an edit may trim a frame or two.</summary>
    internal static readonly TimeSpan DurationTolerance = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// The service may quietly deliver less than was asked for (4K without metadata comes back 1080p), or a video of
    /// another length than the request's (an extension is the source plus the seconds added).
    /// </summary>
    private static IReadOnlyList<string> Warnings(VideoTask task, Mp4Info info)
    {
        if (task.Request is not { } request) return Array.Empty<string>();
        var warnings = new List<string>();
        if (VideoFormat.SizeOf(request.Resolution, request.AspectRatio) is { } wanted && info.Width * info.Height < wanted.Width * wanted.Height)
            warnings.Add($"Task {task.Id} asked for {request.Resolution} ({wanted}) but the video is {info.Width}x{info.Height}.");
        if (request.OutputSeconds is { } seconds && (info.Duration - TimeSpan.FromSeconds(seconds)).Duration() > DurationTolerance)
        {
            warnings.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "Task {0} asked for {1} seconds of video but the video lasts {2:0.0} seconds.", task.Id, seconds, info.Duration.TotalSeconds));
        }
        return warnings;
    }
}
