using System.Management.Automation;

namespace Veo.PowerShell.Hosting;

/// <summary>The real thing: forwards to the cmdlet's own PowerShell methods.</summary>
internal sealed class PowerShellHost : ICmdletHost
{
    private readonly PSCmdlet _cmdlet;

    public PowerShellHost(PSCmdlet cmdlet)
    {
        _cmdlet = cmdlet;
    }

    public void WriteObject(object value) => _cmdlet.WriteObject(value);
    public void WriteError(VeoError error) => _cmdlet.WriteError(error.ToErrorRecord());
    public void ThrowTerminatingError(VeoError error) => _cmdlet.ThrowTerminatingError(error.ToErrorRecord());
    public void WriteWarning(string message) => _cmdlet.WriteWarning(message);
    public void WriteVerbose(string message) => _cmdlet.WriteVerbose(message);
    public void WriteDebug(string message) => _cmdlet.WriteDebug(message);
    public void WriteProgress(ProgressInfo progress) => _cmdlet.WriteProgress(progress.ToProgressRecord());
    public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);
    public string ResolvePath(string path) => _cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
}
