namespace Veo.Emulator;

/// <summary>Which limit refused a create.</summary>
internal enum QuotaLimit { RequestsPerMinute, Running }

/// <summary>A create refused by the quota: which limit, its number, and how long until a create would pass.</summary>
internal sealed record QuotaRefusal(QuotaLimit Limit, int Allowed, TimeSpan RetryAfter);

/// <summary>
/// The quotas the emulator plays (--requests-per-minute, --max-running), per key, on the emulator's clock: a create is
/// counted against the minute it was made in (a sliding window, as new-api's request limit keeps the times of the last
/// N requests and refuses while the oldest is under a minute old: middleware/model-rate-limit.go), and a task runs from
/// its create until it completes or fails. No web framework here: the dialects turn a refusal into their own 429.
/// </summary>
internal sealed class CreateQuota(int? requestsPerMinute, int? maxRunning)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, KeyUsage> usage = new(StringComparer.Ordinal);

    public bool IsLimited => requestsPerMinute is > 0 || maxRunning is > 0;

    /// <summary>
    /// Makes the task with <paramref name="create"/> (which returns when it will finish) if the key's quota allows it
    /// now, else returns why not. Checked and counted under one lock, so creates side by side never pass it together.
    /// </summary>
    public QuotaRefusal? TryCreate(string key, DateTimeOffset now, Func<DateTimeOffset> create)
    {
        lock (usage)
        {
            if (!usage.TryGetValue(key, out var used)) usage[key] = used = new KeyUsage();
            while (used.Requests.Count > 0 && now - used.Requests.Peek() >= Window) used.Requests.Dequeue();
            used.RunningUntil.RemoveAll(finish => finish <= now);

            if (requestsPerMinute is > 0 and var perMinute && used.Requests.Count >= perMinute)
                return new QuotaRefusal(QuotaLimit.RequestsPerMinute, perMinute, used.Requests.Peek() + Window - now);
            if (maxRunning is > 0 and var running && used.RunningUntil.Count >= running)
                return new QuotaRefusal(QuotaLimit.Running, running, used.RunningUntil.Min() - now);

            var finishesAt = create();
            used.Requests.Enqueue(now);
            used.RunningUntil.Add(finishesAt);
            return null;
        }
    }

    private sealed class KeyUsage
    {
        public Queue<DateTimeOffset> Requests { get; } = new();
        public List<DateTimeOffset> RunningUntil { get; } = new();
    }
}
