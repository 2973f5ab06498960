using System.Collections;
using System.Management.Automation;
using Veo.Emulator;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Emulation;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Starts the Veo emulator inside this PowerShell session and connects every route to it: New-VeoVideo | Wait-VeoVideo |
/// Save-VeoVideo then run offline with no key and nothing paid. -Listen serves it on a loopback port for other runspaces
/// and processes too. Stop-VeoEmulator puts the session back as it was.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "VeoEmulator", HelpUri = HelpLinks.Base + "Start-VeoEmulator.md")]
[OutputType(typeof(VeoEmulatorInfo))]
public sealed class StartVeoEmulatorCommand : VeoCmdlet
{
    /// <summary>The session's default route while the emulator runs (its dialect is the one spoken by default).</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Route { get; set; }

    /// <summary>Seconds from create to completed (0 completes at once).</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public double RenderSeconds { get; set; } = 1;

    /// <summary>Seconds a new task stays queued before it renders.</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public double QueueSeconds { get; set; }

    /// <summary>Seconds the OpenAI-Videos content keeps answering "not ready" after completion, as LaoZhang does.</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public double ContentLagSeconds { get; set; }

    /// <summary>Each task renders for RenderSeconds plus a seeded random part of this, so a batch finishes spread out.</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public double RenderSpreadSeconds { get; set; }

    /// <summary>Seeds render-time spreads and faults with a probability below 1, so runs repeat.</summary>
    [Parameter]
    public int Seed { get; set; } = 1;

    /// <summary>Any other emulator option by its name (EmulatorOptions), e.g. @{ LargeVideoBytes = 50MB }.</summary>
    [Parameter]
    public Hashtable? Option { get; set; }

    /// <summary>Serves the emulator on a 127.0.0.1 port, so other runspaces, processes and curl reach it too.</summary>
    [Parameter]
    public SwitchParameter Listen { get; set; }

    /// <summary>The port to listen on (implies -Listen); 0, the default, takes a free one.</summary>
    [Parameter]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>Model ids the emulator does not serve, as if their service had retired them (Add-VeoEmulatorFault ModelRetired does it later).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string[]? RetiredModel { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            var options = new EmulatorOptions
            {
                RenderTime = TimeSpan.FromSeconds(RenderSeconds),
                QueueTime = TimeSpan.FromSeconds(QueueSeconds),
                ContentLag = TimeSpan.FromSeconds(ContentLagSeconds),
                RenderTimeSpread = TimeSpan.FromSeconds(RenderSpreadSeconds),
                Seed = Seed,
                RetiredModels = (RetiredModel ?? Array.Empty<string>()).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList(),
            };
            EmulatorOptionTable.Apply(options, Option);
            var listening = Listen || MyInvocation.BoundParameters.ContainsKey(nameof(Port));
            var emulator = SessionEmulator.Start(Session, options, Route, listening ? Port : null);
            if (PassThru) Emit(VeoEmulatorInfo.Of(emulator));
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Route);
        }
    }
}
