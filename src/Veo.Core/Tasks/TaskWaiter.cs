using System.Collections.Concurrent;
using Veo.Core.Internal;
using Veo.Core.Providers;

namespace Veo.Core.Tasks;

/// <summary>
/// Waits for many tasks at once. Polling starts the moment a task is added; all tasks share one
/// gate (bounded concurrency); each keeps its own <see cref="PollSchedule"/>; events arrive in completion order on a queue
/// that the caller drains on its own thread (PowerShell may only be called from the pipeline thread).
/// </summary>
public sealed class TaskWaiter : IDisposable
{
    private readonly VeoEngine _engine;
    private readonly WaitOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly BlockingCollection<WaitEvent> _events = new();
    private readonly CancellationTokenSource _stop;
    private readonly IEngineLog _log;
    private int _outstanding;

    /// <param name="log">Told each poll's answer and each poll that failed and will be tried again (verbose).</param>
    public TaskWaiter(VeoEngine engine, WaitOptions options, CancellationToken cancellationToken, IEngineLog? log = null)
    {
        _engine = engine;
        _log = log ?? NullEngineLog.Instance;
        _options = options;
        _gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentPolls));
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Tasks added and not yet reported finished, timed out or failed to poll.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    public void Add(VideoTask task, IVideoProvider provider)
    {
        Interlocked.Increment(ref _outstanding);
        _ = Task.Run(() => PollAsync(task, provider, _stop.Token));
    }

    public bool TryTake(out WaitEvent? waitEvent) => _events.TryTake(out waitEvent);

    /// <summary>Blocks until an event arrives or <paramref name="timeout"/> passes; cancelled by Stop.</summary>
    public bool TryTake(out WaitEvent? waitEvent, TimeSpan timeout)
    {
        try
        {
            return _events.TryTake(out waitEvent, (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds), _stop.Token);
        }
        catch (OperationCanceledException)
        {
            waitEvent = null;
            return false;
        }
    }

    /// <summary>
    /// Blocks and yields events until every added task has reported its end; yields null each idle
    /// <paramref name="tick"/> so the caller can write progress or notice Ctrl+C.
    /// </summary>
    public IEnumerable<WaitEvent?> Drain(TimeSpan tick)
    {
        // Every event is queued before Outstanding drops, so the final sweep misses none.
        while (Outstanding > 0)
            yield return TryTake(out var waitEvent, tick) ? waitEvent : null;
        while (TryTake(out var waitEvent)) yield return waitEvent;
    }

    private async Task PollAsync(VideoTask task, IVideoProvider provider, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var failures = 0;
        var kind = WaitEventKind.Error;
        Exception? error = null;
        try
        {
            // Finished is final: a task read back as completed or failed (a rerun of a batch passes hundreds on) is not
            // asked again. One this engine made is always asked, since it was handed out as it was then.
            if (task.IsFinished && !_engine.CreatedHere(task.Id))
            {
                kind = WaitEventKind.Finished;
                return;
            }
            // A task this process made moments ago is certainly not done: its first poll waits (almost) one interval. One
            // resumed (Get-VeoVideo, a rerun of a batch) may be done however recent its creation: it is polled at once.
            var isNew = _engine.CreatedHere(task.Id) && task.CreatedAt is { } created && started - created < _options.PollInterval;
            var schedule = new PollSchedule(_options.PollInterval, started, isNew, Jitter.Fraction());
            while (true)
            {
                if (schedule.Due - started >= _options.Timeout)
                {
                    kind = WaitEventKind.TimedOut;
                    return;
                }
                await DelayUntil(schedule.Due, cancellationToken).ConfigureAwait(false);
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                // -Timeout is a deadline: a poll that hangs (a server gone silent) is cut off at it, not after its own
                // attempt timeouts and retries.
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(Remaining(started));
                try
                {
                    // Tried once: a failed poll waits for its retry below, outside the gate, not inside it holding a slot.
                    using (Http.ReadRetries.TurnOff())
                        task = await _engine.RefreshAsync(task, provider, deadline.Token).ConfigureAwait(false);
                    failures = 0;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    kind = WaitEventKind.TimedOut;
                    return;
                }
                catch (Exception e) when (IsPassing(e) && ++failures < MaxConsecutiveFailures)
                {
                    // A 5xx, a 429, a garbled answer, an outage: the task is still there, so keep waiting rather than drop
                    // it. Tried again after a jittered back-off (or the wait the service asked), at most an interval.
                    schedule.RetryAfter(DateTimeOffset.UtcNow, RetryDelay(e, failures));
                    _log.Verbose($"Polling task {task.Id} failed ({e.Message}); polling again at {schedule.Due:HH:mm:ss} (failure {failures} of {MaxConsecutiveFailures}).");
                    continue;
                }
                finally
                {
                    _gate.Release();
                }
                if (task.IsFinished)
                {
                    _log.Verbose($"Task {task.Id} is {task.Status} after {(DateTimeOffset.UtcNow - started).TotalSeconds:0.#} s.");
                    kind = WaitEventKind.Finished;
                    return;
                }
                _events.Add(new WaitEvent(WaitEventKind.Progress, task));
                var answeredAt = DateTimeOffset.UtcNow;
                if (answeredAt - started >= _options.Timeout)
                {
                    kind = WaitEventKind.TimedOut;
                    return;
                }
                schedule.Next(answeredAt);
                _log.Verbose($"Task {task.Id} is {task.Status} {task.Progress}%; next poll at {schedule.Due:HH:mm:ss}.");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            kind = WaitEventKind.Error;
            error = new OperationCanceledException("The wait was stopped; the task goes on on the server.");
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            // The event goes in before the count drops, so a reader that sees 0 has seen every event.
            _events.Add(new WaitEvent(kind, task, error));
            Interlocked.Decrement(ref _outstanding);
        }
    }

    /// <summary>Failed polls in a row before the wait gives up on a task: each used to be 5 retries inside the call.</summary>
    private int MaxConsecutiveFailures => 5 * (Math.Max(0, _engine.Policy.MaxRetries) + 1);

    private TimeSpan RetryDelay(Exception e, int failures)
    {
        if (e is Http.ApiException { RetryAfter: { } asked }) return asked < _options.PollInterval ? asked : _options.PollInterval;
        var first = _engine.Policy.FirstRetryDelay.Ticks;
        var ticks = Math.Min(first * Math.Pow(2, Math.Min(failures - 1, 20)), _options.PollInterval.Ticks) * (0.75 + Jitter.Fraction() / 2);
        return TimeSpan.FromTicks((long)ticks);
    }

    private TimeSpan Remaining(DateTimeOffset started)
    {
        var left = _options.Timeout - (DateTimeOffset.UtcNow - started);
        return left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
    }

    private static Task DelayUntil(DateTimeOffset due, CancellationToken cancellationToken)
    {
        var wait = due - DateTimeOffset.UtcNow;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Failures that say nothing about the task itself (a 4xx such as 404 or 401 does).</summary>
    private static bool IsPassing(Exception e) => e switch
    {
        Http.ApiException api => (int)api.StatusCode is 429 or >= 500 || api.ErrorCode == "malformed_response",
        OperationCanceledException => false,
        _ => e is HttpRequestException or IOException or TimeoutException or Polly.Timeout.TimeoutRejectedException,
    };

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
