namespace Veo.Emulator;

/// <summary>
/// One emulator: its tasks, clock, faults, request log and price list, and the core that answers requests in every
/// dialect Veo speaks. It knows nothing of sockets; a host serves it: <see cref="EmulatorHandler"/> in-process (no
/// socket, for the module and tests), <see cref="EmulatorListener"/> on a 127.0.0.1 port with no web framework (the
/// module's -Listen, for other runspaces and processes) or Veo.Emulator.Server on Kestrel (for the SDKs and other languages).
/// </summary>
public sealed class VeoEmulator
{
    private readonly EmulatorState state;
    private readonly RequestPipeline pipeline;

    public VeoEmulator(EmulatorOptions? options = null)
    {
        state = new EmulatorState(options ?? new EmulatorOptions());
        pipeline = new RequestPipeline(state);
    }

    public EmulatorOptions Options => state.Options;

    public EmulatorClock Clock => state.Clock;

    public IReadOnlyList<RecordedRequest> Requests => state.Log.Snapshot();

    public FaultPlan Faults => state.Faults;

    public PricingCatalog Pricing => state.Pricing;

    public int CreatedTaskCount => state.Tasks.CreatedCount;

    /// <summary>Every task made so far (a create whose answer was lost made one too).</summary>
    public IReadOnlyList<CreatedTask> CreatedTasks => state.Tasks.Snapshot();

    /// <summary>When the task with this id completes (or fails) on the emulator's clock; null for an unknown id.</summary>
    public DateTimeOffset? CompletionTimeOf(string taskId) => state.Tasks.FindAny(taskId)?.FinishedAt;

    public void ClearRequests() => state.Log.Clear();

    /// <summary>Answers one request. Cancelled when the client goes away; never throws for a request it cannot answer.</summary>
    public Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken = default) =>
        pipeline.HandleAsync(request ?? throw new ArgumentNullException(nameof(request)), cancellationToken);

    /// <summary>A handler that serves this emulator inside the process, for an HttpClient of its own.</summary>
    public EmulatorHandler CreateHandler() => new(this);
}
