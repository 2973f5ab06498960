namespace Veo.PowerShell.Hosting;

/// <summary>
/// Everything a Veo cmdlet asks of PowerShell, in one small surface. In a real session it is
/// <see cref="PowerShellHost"/>; tests put a recording host here and run the real cmdlet class.
/// Only called from the pipeline thread.
/// </summary>
internal interface ICmdletHost
{
    void WriteObject(object value);
    void WriteError(VeoError error);
    /// <summary>Stops the pipeline; does not return.</summary>
    void ThrowTerminatingError(VeoError error);
    void WriteWarning(string message);
    void WriteVerbose(string message);
    void WriteDebug(string message);
    void WriteProgress(ProgressInfo progress);
    bool ShouldProcess(string target, string action);
    /// <summary>A path as the user wrote it (relative to the PowerShell location, ~ expanded) made absolute.</summary>
    string ResolvePath(string path);
}
