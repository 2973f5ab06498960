using Veo.Emulator;

namespace Veo.Soak;

/// <summary>
/// The faults of a soak. Each request meets at most one request fault, each kind equally likely, so that
/// <c>requestRate</c> of all requests (creates, polls, downloads) are hit; each created task is independently
/// made to fail or to lag behind "completed" with <c>taskRate</c>/2 each.
/// </summary>
public static class SoakFaults
{
    public static IReadOnlyList<Fault> Plan(double requestRate, double taskRate, TimeSpan attemptTimeout)
    {
        var requestFaults = new[]
        {
            new Fault(FaultKind.Latency) { Delay = TimeSpan.FromMilliseconds(150) },
            // Past the client's per-attempt timeout: a read is retried, a create becomes ambiguous.
            new Fault(FaultKind.Latency) { Delay = attemptTimeout + TimeSpan.FromMilliseconds(500) },
            new Fault(FaultKind.RateLimit) { RetryAfter = TimeSpan.FromSeconds(1) },
            new Fault(FaultKind.ServerError) { StatusCode = 500 },
            new Fault(FaultKind.ServerError) { StatusCode = 502 },
            new Fault(FaultKind.ServerError) { StatusCode = 503 },
            new Fault(FaultKind.ResetBeforeRead),
            new Fault(FaultKind.ResetAfterRead),
            new Fault(FaultKind.TruncateBody),
            new Fault(FaultKind.CorruptBody),
            new Fault(FaultKind.MalformedJson),
        };
        var plan = new List<Fault>();
        var share = requestRate / requestFaults.Length;
        for (var i = 0; i < requestFaults.Length; i++)
        {
            // The plan tries faults in order until one hits, so the i-th is drawn with share / (1 - i·share)
            // to hit share of all requests: the rates of the kinds add up to requestRate.
            plan.Add(requestFaults[i] with { Times = int.MaxValue, Probability = share / (1 - i * share) });
        }
        plan.Add(new Fault(FaultKind.FailTask, Times: int.MaxValue, Probability: taskRate / 2) { ErrorMessage = "Soak: this task was made to fail." });
        plan.Add(new Fault(FaultKind.ContentLag, Times: int.MaxValue, Probability: taskRate / 2) { Delay = TimeSpan.FromSeconds(1) });
        return plan;
    }
}
