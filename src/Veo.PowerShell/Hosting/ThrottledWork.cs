using System.Collections.Concurrent;

namespace Veo.PowerShell.Hosting;

/// <summary>
/// Runs up to N jobs at once in the background and hands their outcomes back on the pipeline
/// thread, in the order they finish. Used where a cmdlet's items are independent (downloads).
/// </summary>
internal sealed class ThrottledWork<T> : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly BlockingCollection<Outcome> _done = new();
    // Cancels only the wait for a slot: work that has not started when the pipeline is done never starts, while work
    // already running (a create that may be billed) is left to finish and be journaled.
    private readonly CancellationTokenSource _closing = new();
    private int _running;

    public ThrottledWork(int limit)
    {
        _slots = new SemaphoreSlim(Math.Max(1, limit));
    }

    internal sealed record Outcome(object Target, T? Result, Exception? Error);

    public void Start(object target, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _running);
        _ = Task.Run(async () =>
        {
            Outcome outcome;
            try
            {
                using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token))
                    await _slots.WaitAsync(waiting.Token).ConfigureAwait(false);
                try
                {
                    outcome = new Outcome(target, await work(cancellationToken).ConfigureAwait(false), null);
                }
                finally
                {
                    _slots.Release();
                }
            }
            catch (Exception e)
            {
                outcome = new Outcome(target, default, e);
            }
            _done.Add(outcome);
            Interlocked.Decrement(ref _running);
        });
    }

    /// <summary>Outcomes ready now, without waiting.</summary>
    public IEnumerable<Outcome> Finished()
    {
        while (_done.TryTake(out var outcome)) yield return outcome;
    }

    /// <summary>Every remaining outcome, waiting for them; null on each idle tick so the caller can pump streams.</summary>
    public IEnumerable<Outcome?> All(TimeSpan tick)
    {
        while (Volatile.Read(ref _running) > 0)
            yield return _done.TryTake(out var outcome, tick) ? outcome : null;
        while (_done.TryTake(out var outcome)) yield return outcome;
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until no job is running: after Ctrl+C, for the creates it cut off to end.</summary>
    public void WaitIdle(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Volatile.Read(ref _running) > 0 && DateTime.UtcNow < deadline) Thread.Sleep(20);
    }

    /// <summary>
    /// Starts nothing more: jobs still waiting for a slot end as cancelled. Called when the pipeline is done with the
    /// cmdlet, even when a downstream Select-Object -First stopped it, so queued creates are never sent after that.
    /// </summary>
    public void Dispose() => _closing.Cancel();
}
