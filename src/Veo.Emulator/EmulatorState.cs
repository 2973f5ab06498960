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
        Tasks = new TaskStore(options, Clock, Faults);
    }

    public EmulatorOptions Options { get; }

    public EmulatorClock Clock { get; }

    public FaultPlan Faults { get; }

    public TaskStore Tasks { get; }

    public RequestLog Log { get; } = new();

    public PricingCatalog Pricing { get; } = new();
}
