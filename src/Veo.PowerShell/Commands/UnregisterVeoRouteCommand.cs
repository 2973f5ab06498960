using System.Management.Automation;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>Removes a registered gateway; built-in routes stay.</summary>
[Cmdlet(VerbsLifecycle.Unregister, "VeoRoute", HelpUri = HelpLinks.Base + "Unregister-VeoRoute.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class UnregisterVeoRouteCommand : VeoCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string Name { get; set; } = "";

    protected override void ProcessRecord()
    {
        try
        {
            if (Session.Routes.IsBuiltIn(Name)) throw new ArgumentException($"'{Name}' is a built-in route and cannot be removed.");
            if (!ShouldProcess(Name, $"Remove the registered route from {Session.Routes.SettingsPath}")) return;
            if (!Session.Routes.Unregister(Name)) throw new KeyNotFoundException($"No registered route is named '{Name}'.");
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Name);
        }
    }
}
