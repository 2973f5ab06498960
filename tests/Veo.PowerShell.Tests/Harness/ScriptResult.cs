using System.Management.Automation;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>Everything one script produced: its output objects, every stream, the host's lines, and what stopped it.</summary>
public sealed class ScriptResult
{
    public required IReadOnlyList<PSObject> Output { get; init; }
    public required IReadOnlyList<ErrorRecord> Errors { get; init; }
    public required IReadOnlyList<WarningRecord> Warnings { get; init; }
    public required IReadOnlyList<VerboseRecord> Verbose { get; init; }
    public required IReadOnlyList<DebugRecord> Debug { get; init; }
    public required IReadOnlyList<ProgressRecord> Progress { get; init; }
    public required IReadOnlyList<InformationRecord> Information { get; init; }
    /// <summary>The lines the host was asked to write while the script ran ("What if: ..." among them).</summary>
    public required IReadOnlyList<string> HostLines { get; init; }
    /// <summary>The prompts the host was asked to show (-Confirm).</summary>
    public required IReadOnlyList<string> Prompts { get; init; }
    /// <summary>The terminating error that escaped the script, if one did.</summary>
    public RuntimeException? Terminating { get; init; }

    /// <summary>The output's .NET objects of type <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToList();

    /// <summary>The single output object, which must be a <typeparamref name="T"/>.</summary>
    public T Single<T>() => Assert.IsType<T>(Assert.Single(Output).BaseObject);

    /// <summary>The output as text, one string per object (what Out-String or a string pipeline gives).</summary>
    public string Text => string.Join("\n", Output.Select(o => o.ToString()));

    /// <summary>The non-terminating errors, then the terminating one if there was one.</summary>
    public IReadOnlyList<ErrorRecord> AllErrorRecords() =>
        Terminating is null ? Errors : Errors.Append(Terminating.ErrorRecord).ToList();

    public IReadOnlyList<string> WarningMessages => Warnings.Select(w => w.Message).ToList();

    /// <summary>Every text a user could see or log, for checking that a secret never appears anywhere.</summary>
    public IEnumerable<string> AllText() =>
        Output.Select(o => o.ToString() ?? "")
            .Concat(AllErrorRecords().SelectMany(e => new[] { e.ToString(), e.Exception.ToString(), e.TargetObject?.ToString() ?? "", e.ErrorDetails?.Message ?? "" }))
            .Concat(Warnings.Select(w => w.Message)).Concat(Verbose.Select(v => v.Message)).Concat(Debug.Select(d => d.Message))
            .Concat(Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation))
            .Concat(Information.Select(i => i.MessageData?.ToString() ?? ""))
            .Concat(HostLines).Concat(Prompts);
}
