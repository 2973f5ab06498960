using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>Stands in for PowerShell: records every stream, answers ShouldProcess like -WhatIf or -Confirm would.</summary>
internal sealed class RecordingHost : ICmdletHost
{
    private readonly string _location;
    private readonly Action<object>? _downstream;

    public RecordingHost(string location, Action<object>? downstream = null)
    {
        _location = location;
        _downstream = downstream;
    }

    public List<object> Output { get; } = new();
    public List<VeoError> Errors { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<string> Debug { get; } = new();
    public List<ProgressInfo> Progress { get; } = new();
    /// <summary>"What if: ..." lines, as PowerShell prints them under -WhatIf.</summary>
    public List<string> WhatIf { get; } = new();
    public List<string> ConfirmPrompts { get; } = new();

    public bool WhatIfMode { get; set; }
    /// <summary>Under -Confirm: the user's answer for each prompt (null: not confirming).</summary>
    public Func<string, bool>? Confirm { get; set; }

    public void WriteObject(object value)
    {
        if (_downstream is null) Output.Add(value);
        else _downstream(value);
    }

    public void WriteError(VeoError error) => Errors.Add(error);
    public void ThrowTerminatingError(VeoError error) => throw new TerminatingErrorException(error);
    public void WriteWarning(string message) => Warnings.Add(message);
    public void WriteVerbose(string message) => Verbose.Add(message);
    public void WriteDebug(string message) => Debug.Add(message);
    public void WriteProgress(ProgressInfo progress) => Progress.Add(progress);

    public bool ShouldProcess(string target, string action)
    {
        var line = $"Performing the operation \"{action}\" on target \"{target}\".";
        if (WhatIfMode)
        {
            WhatIf.Add("What if: " + line);
            return false;
        }
        if (Confirm is null) return true;
        ConfirmPrompts.Add(line);
        return Confirm(line);
    }

    public string ResolvePath(string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(_location, path));

    /// <summary>Every text the host was given, for checking that a secret never appears anywhere.</summary>
    public IEnumerable<string> AllText() =>
        Output.Select(o => o.ToString() ?? "")
            .Concat(Errors.Select(e => e.Exception.ToString() + " " + e.Target))
            .Concat(Warnings).Concat(Verbose).Concat(Debug).Concat(WhatIf).Concat(ConfirmPrompts)
            .Concat(Progress.Select(p => p.Activity + " " + p.Status));
}

internal sealed class TerminatingErrorException : Exception
{
    public TerminatingErrorException(VeoError error) : base(error.Exception.Message, error.Exception)
    {
        Error = error;
    }

    public VeoError Error { get; }
}
