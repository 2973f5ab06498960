using System.Management.Automation;
using Veo.PowerShell.Emulation;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>Stops this session's emulator and puts back the routes, default route and journal the session had; without one, does nothing.</summary>
[Cmdlet(VerbsLifecycle.Stop, "VeoEmulator", HelpUri = HelpLinks.Base + "Stop-VeoEmulator.md")]
[OutputType(typeof(void))]
public sealed class StopVeoEmulatorCommand : VeoCmdlet
{
    protected override void EndProcessing() => SessionEmulator.Of(Session)?.Stop();
}
