using System.Threading.RateLimiting;

namespace Veo.Core.Quotas;

/// <summary>
/// One create's place among a route's running tasks. Given back when the create was refused for certain, when a poll
/// sees the task finished, or when the route's running time has passed: a task no one waits for never blocks for good.
/// </summary>
internal sealed class QuotaPlace
{
    private readonly QuotaGate _gate;
    private readonly RateLimitLease? _lease;
    private readonly TimeSpan _runningFor;
    private int _released;

    public QuotaPlace(QuotaGate gate, RateLimitLease? lease, TimeSpan runningFor)
    {
        _gate = gate;
        _lease = lease;
        _runningFor = runningFor;
    }

    /// <summary>The create made this task: it counts as running until a poll sees it finish, or for the running time at most.</summary>
    public void Created(string taskId)
    {
        if (_lease is null) return;
        _gate.Track(taskId, this);
        ReleaseLater(() => _gate.Forget(taskId, this));
    }

    /// <summary>Nothing was made (the server refused it): the place is free at once.</summary>
    public void Refused() => Release();

    /// <summary>A task may exist (the answer was lost): it counts as running for the running time, as a made one would.</summary>
    public void Unknown()
    {
        if (_lease is not null) ReleaseLater(() => { });
    }

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _lease?.Dispose();
    }

    private void ReleaseLater(Action forget) =>
        _ = Task.Delay(_runningFor).ContinueWith(_ =>
        {
            forget();
            Release();
        }, TaskScheduler.Default);
}
