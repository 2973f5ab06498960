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
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
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

    public void Dispose()
    {
        _slots.Dispose();
        _done.Dispose();
    }
}
