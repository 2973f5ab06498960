namespace Veo.Emulator;

/// <summary>Everything the endpoints share: one instance per running server.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options)
    {
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
