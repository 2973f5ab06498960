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

    public void Start(object target, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        Start(target, (_, ct) => work(ct), cancellationToken);

    /// <summary>A job that may leave its slot while it waits (a create told to come back later), then take one again.</summary>
    public void Start(object target, Func<Veo.Core.Quotas.ISendSlot, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _running);
        _ = Task.Run(async () =>
        {
            Outcome outcome;
            try
            {
                var slot = new Slot(this);
                await slot.TakeAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    outcome = new Outcome(target, await work(slot, cancellationToken).ConfigureAwait(false), null);
                }
                finally
                {
                    if (slot.Held) _slots.Release();
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

    /// <summary>One job's place: taken before it runs, left (and taken again) around a wait, given back when it ends.</summary>
    private sealed class Slot(ThrottledWork<T> owner) : Veo.Core.Quotas.ISendSlot
    {
        public bool Held { get; private set; }

        /// <summary>Waits for a place; once the cmdlet is done with the pipeline, none is given (the job never runs, or never resumes).</summary>
        public async Task TakeAsync(CancellationToken cancellationToken)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, owner._closing.Token);
            await owner._slots.WaitAsync(waiting.Token).ConfigureAwait(false);
            Held = true;
        }

        public async Task WaitOutsideAsync(TimeSpan wait, CancellationToken cancellationToken)
        {
            Held = false;
            owner._slots.Release();
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            try
            {
                await TakeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not a stop (which keeps its meaning): the pipeline ended, e.g. Select-Object -First, and this row is not resent.
                throw new InvalidOperationException("The pipeline ended while this create waited to be sent again; it was not sent again.");
            }
        }
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
