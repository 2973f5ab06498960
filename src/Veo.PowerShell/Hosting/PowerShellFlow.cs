using System.Management.Automation;

namespace Veo.PowerShell.Hosting;

/// <summary>
/// PowerShell's own control flow travels as exceptions through a cmdlet's calls into it: Select-Object -First stops
/// upstream commands with a PipelineStoppedException from WriteObject, -ErrorAction Stop turns WriteError into
/// ActionPreferenceStopException, break/continue/exit are flow-control exceptions. A cmdlet must let them pass:
/// catching one turns "stop, I have enough" into an error and keeps spending.
/// </summary>
internal static class PowerShellFlow
{
    public static bool Is(Exception exception) =>
        exception is PipelineStoppedException or ActionPreferenceStopException || IsFlowControl(exception.GetType());

    /// <summary>FlowControlException (break, continue, exit, return) is internal to PowerShell: known by name.</summary>
    private static bool IsFlowControl(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.FullName == "System.Management.Automation.FlowControlException") return true;
        return false;
    }
}
