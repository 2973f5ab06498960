using System.Management.Automation;
using Veo.Core.Routes;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>Adds a gateway of a known dialect, kept in routes.json in the user's config folder.</summary>
[Cmdlet(VerbsLifecycle.Register, "VeoRoute", HelpUri = HelpLinks.Base + "Register-VeoRoute.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(VeoRouteInfo))]
public sealed class RegisterVeoRouteCommand : VeoCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true)]
    public Dialect Dialect { get; set; }

    [Parameter(Mandatory = true)]
    public Uri BaseUri { get; set; } = null!;

    /// <summary>The environment variable holding this gateway's key (the key itself is never stored).</summary>
    [Parameter(Mandatory = true)]
    public string KeyVariable { get; set; } = "";

    /// <summary>The gateway's own model ids; by default those of the built-in route of the same dialect.</summary>
    [Parameter]
    public string[]? Model { get; set; }

    /// <summary>The gateway's creates a minute per key, if it publishes one; creates are held back to fit (none by default).</summary>
    [Parameter]
    [ValidateRange(0, 100_000)]
    public int? RequestsPerMinute { get; set; }

    /// <summary>The gateway's tasks running at once per key, if it publishes one (none by default).</summary>
    [Parameter]
    [ValidateRange(0, 10_000)]
    public int? MaxRunning { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            if (!ShouldProcess(Name, $"Register a {Dialect} gateway at {BaseUri} in {Session.Routes.SettingsPath}")) return;
            Emit(VeoRouteInfo.Of(Session.Routes.Register(Name, Dialect, BaseUri, KeyVariable, Model, RequestsPerMinute, MaxRunning), Session));
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Name);
        }
    }
}
