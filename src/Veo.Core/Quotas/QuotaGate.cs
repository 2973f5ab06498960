using System.Threading.RateLimiting;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Quotas;

/// <summary>
/// Holds creates back to fit one route's quota for one key, across every create of the process: a sliding window of
/// requests a minute and a count of tasks running (see <see cref="RouteQuota"/> for when a task stops counting).
/// A 429 the service still sends (the quota is shared with other programs) holds every create back for as long as it asked.
/// </summary>
internal sealed class QuotaGate
{
    /// <summary>Segments of the request window: a permit comes back within a sixtieth of the window of its minute being up.</summary>
    private const int Segments = 60;

    private readonly object _lock = new();
    private RateLimiter? _requests;
    private RateLimiter? _running;
    private DateTimeOffset _heldUntil;
    private bool _built;

    public QuotaGate(RouteQuota quota)
    {
        Apply(quota);
    }

    public RouteQuota Quota { get; private set; } = RouteQuota.None;

    /// <summary>Takes the quota's numbers; new limiters only when they changed (another session connected it otherwise).</summary>
    public void Apply(RouteQuota quota)
    {
        lock (_lock)
        {
            var same = _built && Quota.RequestsPerMinute == quota.RequestsPerMinute && Quota.MaxRunning == quota.MaxRunning && Quota.Window == quota.Window;
            Quota = quota;
            if (same) return;
            _built = true;
            _requests = quota.RequestsPerMinute is { } perWindow ? RequestWindow(perWindow, quota.Window) : null;
            _running = quota.MaxRunning is { } running
                ? new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = running, QueueLimit = int.MaxValue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst })
                : null;
        }
    }

    /// <summary>
    /// The window is two segments longer than the quota's: the limiter hands a permit back when its segment leaves the
    /// window, which can be up to a segment before a full window has passed since it was taken, and the server counts
    /// a request from when it arrived, a little after it was let go.
    /// </summary>
    private static RateLimiter RequestWindow(int perWindow, TimeSpan window) =>
        new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = perWindow,
            Window = TimeSpan.FromTicks(window.Ticks / Segments * (Segments + 2)),
            SegmentsPerWindow = Segments + 2,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

    /// <summary>
    /// Waits until a create may be sent: any hold a 429 asked for, a place among the running tasks, then a request of
    /// the minute's allowance. Says on the verbose stream why it waits, when it does.
    /// </summary>
    public async Task<QuotaPlace> EnterAsync(string route, IEngineLog log, CancellationToken cancellationToken)
    {
        RateLimiter? requests, running;
        RouteQuota quota;
        lock (_lock)
        {
            requests = _requests;
            running = _running;
            quota = Quota;
        }
        await WaitOutHoldAsync(route, log, cancellationToken).ConfigureAwait(false);
        RateLimitLease? place = null;
        if (running is not null)
        {
            place = running.AttemptAcquire();
            if (!place.IsAcquired)
            {
                place.Dispose();
                log.Verbose($"{route}: {quota.MaxRunning} tasks are running, the most the route's quota allows ({quota.Source}); the next create waits for one to finish.");
                place = await running.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                if (!place.IsAcquired) throw new InvalidOperationException($"{route}: the running-task quota refused a place.");
            }
        }
        try
        {
            if (requests is not null)
            {
                using var request = requests.AttemptAcquire();
                if (!request.IsAcquired)
                {
                    log.Verbose($"{route}: {quota.RequestsPerMinute} creates a minute were sent, the most the route's quota allows ({quota.Source}); the next waits for the minute to turn.");
                    using var waited = await requests.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                    if (!waited.IsAcquired) throw new InvalidOperationException($"{route}: the request quota refused a permit.");
                }
            }
            // A hold may have come in while this create waited its turn.
            await WaitOutHoldAsync(route, log, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            place?.Dispose();
            throw;
        }
        return new QuotaPlace(this, place, quota.RunningFor);
    }

    /// <summary>A 429 said to wait: every create of this route and key waits at least that long.</summary>
    public void HoldOff(TimeSpan wait)
    {
        var until = DateTimeOffset.UtcNow + wait;
        lock (_lock)
        {
            if (until > _heldUntil) _heldUntil = until;
        }
    }

    private async Task WaitOutHoldAsync(string route, IEngineLog log, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan left;
            lock (_lock) left = _heldUntil - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero) return;
            log.Verbose($"{route}: the service asked to wait (429); creates wait {left.TotalSeconds:0.#} s more.");
            await Task.Delay(left, cancellationToken).ConfigureAwait(false);
        }
    }

    private readonly Dictionary<string, QuotaPlace> _runningTasks = new(StringComparer.Ordinal);

    internal void Track(string taskId, QuotaPlace place)
    {
        lock (_runningTasks) _runningTasks[taskId] = place;
    }

    /// <summary>A poll saw the task finished: its place goes to the next create. Unknown ids (other processes' tasks) are ignored.</summary>
    public void Finished(string taskId)
    {
        QuotaPlace? place;
        lock (_runningTasks)
        {
            if (!_runningTasks.TryGetValue(taskId, out place)) return;
            _runningTasks.Remove(taskId);
        }
        place.Release();
    }

    internal void Forget(string taskId, QuotaPlace place)
    {
        lock (_runningTasks)
        {
            if (_runningTasks.TryGetValue(taskId, out var current) && ReferenceEquals(current, place)) _runningTasks.Remove(taskId);
        }
    }

    /// <summary>Tasks counted as running now (for tests and Get-VeoRoute).</summary>
    public int RunningCount
    {
        get
        {
            lock (_runningTasks) return _runningTasks.Count;
        }
    }
}
