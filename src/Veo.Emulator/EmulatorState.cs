namespace Veo.Emulator;

/// <summary>Everything the endpoints share: one instance per running server.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options)
    {
        if (options.RenderTimeSpread < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), options.RenderTimeSpread, "RenderTimeSpread cannot be negative.");
        if (options.LargeVideoBytes < LargeVideo.MinimumLength)
            throw new ArgumentOutOfRangeException(nameof(options), options.LargeVideoBytes,
                $"LargeVideoBytes must be at least {LargeVideo.MinimumLength}, so every fixture fits in the video.");
        Options = options;
        Clock = new EmulatorClock(options.ManualClock);
        Faults = new FaultPlan(options.Seed);
        foreach (var model in options.RetiredModels ?? Array.Empty<string>()) Faults.Add(new Fault(FaultKind.ModelRetired) { Model = model });
        Tasks = new TaskStore(options, Clock, Faults);
        Quota = new CreateQuota(options.RequestsPerMinute, options.MaxRunning);
    }

    public CreateQuota Quota { get; }

    /// <summary>Makes the task if the key's quota allows it now; otherwise null, and why in <paramref name="refusal"/>.</summary>
    public VideoTask? CreateWithinQuota(TaskOrder order, string requestPathAndQuery, out QuotaRefusal? refusal)
    {
        VideoTask? task = null;
        // One key is accepted (the bearer or x-goog-api-key was checked already), so it is the key the quota counts.
        refusal = Quota.TryCreate(Options.ApiKey, Clock.Now, () => (task = Tasks.Create(order, requestPathAndQuery)).FinishedAt);
        return task;
    }

    public EmulatorOptions Options { get; }

    public EmulatorClock Clock { get; }

    public FaultPlan Faults { get; }

    public TaskStore Tasks { get; }

    public RequestLog Log { get; } = new();

    public PricingCatalog Pricing { get; } = new();
}
