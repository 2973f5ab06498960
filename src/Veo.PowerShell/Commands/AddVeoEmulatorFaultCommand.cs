using System.Management.Automation;
using Veo.Emulator;
using Veo.PowerShell.Emulation;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Makes the emulator misbehave on purpose for the next -Count matching requests (or created tasks): a failed render,
/// a 429, a 5xx, a dropped connection, a truncated or corrupt body, latency, content lag.
/// </summary>
[Cmdlet(VerbsCommon.Add, "VeoEmulatorFault", HelpUri = HelpLinks.Base + "Add-VeoEmulatorFault.md")]
[OutputType(typeof(Fault))]
public sealed class AddVeoEmulatorFaultCommand : VeoCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public FaultKind Kind { get; set; }

    /// <summary>How many matching requests the fault covers (for FailTask and ContentLag: how many created tasks).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; } = 1;

    /// <summary>Only requests whose path and query contain this text (ignoring case), e.g. '/content'.</summary>
    [Parameter]
    public string? PathContains { get; set; }

    /// <summary>The chance that each matching request is hit (drawn with the emulator's seed).</summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double Probability { get; set; } = 1.0;

    /// <summary>For ServerError: 500, 502 or 503.</summary>
    [Parameter]
    [ValidateRange(500, 599)]
    public int StatusCode { get; set; } = 500;

    /// <summary>For RateLimit: the Retry-After the 429 carries.</summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public double? RetryAfterSeconds { get; set; }

    /// <summary>For Latency and ContentLag: how long.</summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public double? DelaySeconds { get; set; }

    /// <summary>For FailTask and VideoUndeliverable: the message the client is given.</summary>
    [Parameter]
    public string? ErrorMessage { get; set; }

    /// <summary>For ModelRetired: the model id the emulator stops serving.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.ModelCompleter))]
    public string? Model { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var emulator = SessionEmulator.Of(Session);
        if (emulator is null)
        {
            ThrowTerminatingError(ErrorMapping.From(new EmulatorNotRunningException("Add-VeoEmulatorFault"), Kind));
            return;
        }
        try
        {
            var fault = new Fault(Kind, PathContains, Count, Probability)
            {
                StatusCode = StatusCode,
                RetryAfter = RetryAfterSeconds is { } retry ? TimeSpan.FromSeconds(retry) : null,
                Delay = DelaySeconds is { } delay ? TimeSpan.FromSeconds(delay) : null,
                ErrorMessage = ErrorMessage,
                Model = Model,
            };
            emulator.Emulator.Faults.Add(fault);
            if (PassThru) Emit(fault);
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Kind);
        }
    }
}
