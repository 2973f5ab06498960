namespace Veo.Emulator;

/// <summary>The faults waiting to happen, consumed in the order they were added.</summary>
public sealed class FaultPlan
{
    private readonly object gate = new();
    private readonly List<Pending> pending = [];
    private readonly Random random;
    private readonly Dictionary<FaultKind, int> injected = [];
    private readonly HashSet<string> retired = new(StringComparer.OrdinalIgnoreCase);

    internal FaultPlan(int seed) => random = new Random(seed);

    public void Add(Fault fault)
    {
        if (fault is null) throw new ArgumentNullException(nameof(fault));
        if (fault.Times < 1) throw new ArgumentOutOfRangeException(nameof(fault), fault.Times, "Times must be at least 1.");
        if (fault.Probability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(fault), "Probability must be between 0 and 1.");
        if (fault.Kind is FaultKind.Latency or FaultKind.ContentLag && fault.Delay is not { } delay)
            throw new ArgumentException($"A {fault.Kind} fault needs a Delay.", nameof(fault));
        if (fault.Delay < TimeSpan.Zero || fault.RetryAfter < TimeSpan.Zero)
            throw new ArgumentException("Delay and RetryAfter cannot be negative.", nameof(fault));
        if (fault.Kind == FaultKind.ServerError && fault.StatusCode is < 500 or > 599)
            throw new ArgumentException("A ServerError fault needs a 5xx StatusCode.", nameof(fault));
        if (fault.Kind == FaultKind.ModelRetired)
        {
            if (string.IsNullOrWhiteSpace(fault.Model)) throw new ArgumentException("A ModelRetired fault needs the Model it retires.", nameof(fault));
            // A retirement is a state of the service, not a request's accident: it lasts until cleared.
            lock (gate) retired.Add(fault.Model!.Trim());
            return;
        }
        lock (gate) pending.Add(new Pending(fault, fault.Times));
    }

    /// <summary>Whether <paramref name="model"/> was retired (a <see cref="FaultKind.ModelRetired"/> fault).</summary>
    public bool IsRetired(string? model)
    {
        lock (gate) return model is not null && retired.Contains(model);
    }

    /// <summary>The models retired so far.</summary>
    public IReadOnlyList<string> Retired
    {
        get
        {
            lock (gate) return retired.ToList();
        }
    }

    /// <summary>How many requests (or created tasks) each kind of fault has hit so far.</summary>
    public IReadOnlyDictionary<FaultKind, int> Injected
    {
        get
        {
            lock (gate) return new Dictionary<FaultKind, int>(injected);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            pending.Clear();
            retired.Clear();
        }
    }

    /// <summary>The fault that decides how this request is answered, if any.</summary>
    internal Fault? TakeForRequest(string pathAndQuery) => Take(pathAndQuery, f => !f.ShapesTasks);

    /// <summary>The fault that shapes the task this create request makes, if any.</summary>
    internal Fault? TakeForTask(FaultKind kind, string pathAndQuery) => Take(pathAndQuery, f => f.Kind == kind);

    private Fault? Take(string pathAndQuery, Func<Fault, bool> applies)
    {
        lock (gate)
        {
            for (var i = 0; i < pending.Count; i++)
            {
                var (fault, remaining) = pending[i];
                if (!applies(fault) || !Matches(fault, pathAndQuery)) continue;

                // Each matching request uses up one of Times, hit or not, so Times bounds the window the fault covers.
                if (remaining == 1) pending.RemoveAt(i--);
                else pending[i] = new Pending(fault, remaining - 1);
                if (random.NextDouble() < fault.Probability)
                {
                    injected[fault.Kind] = (injected.TryGetValue(fault.Kind, out var hits) ? hits : 0) + 1;
                    return fault;
                }
            }
            return null;
        }
    }

    private static bool Matches(Fault fault, string pathAndQuery) =>
        fault.PathContains is null || pathAndQuery.IndexOf(fault.PathContains, StringComparison.OrdinalIgnoreCase) >= 0;

    private readonly record struct Pending(Fault Fault, int Remaining);
}
