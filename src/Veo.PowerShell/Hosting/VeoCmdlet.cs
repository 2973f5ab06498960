using System.Management.Automation;
using Veo.Core;
using Veo.Core.Http;
using Veo.Core.Tasks;

namespace Veo.PowerShell.Hosting;

/// <summary>
/// Shared plumbing of every Veo cmdlet: all calls into PowerShell go through <see cref="VeoHost"/>,
/// Ctrl+C cancels <see cref="Cancellation"/>, and engine log lines are drained on the pipeline thread.
/// </summary>
/// <remarks>
/// Switch parameters keep their value in a bool field named _camelCase: the SwitchParameter
/// struct of the reference SMA cannot hold a value at test time, the field can.
/// </remarks>
public abstract class VeoCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stopping = new();
    private ICmdletHost? _host;

    internal ICmdletHost VeoHost
    {
        get => _host ??= new PowerShellHost(this);
        set => _host = value;
    }

    internal QueuedLog Log { get; } = new();

    protected CancellationToken Cancellation => _stopping.Token;

    private VeoSession? _session;

    /// <summary>The PowerShell session's Veo state; a test hands each cmdlet its own.</summary>
    internal VeoSession Session
    {
        get => _session ?? VeoSession.Current;
        set => _session = value;
    }

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Runs engine work to completion on the pipeline thread; Ctrl+C cancels it.</summary>
    protected T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        try
        {
            return work(Cancellation).GetAwaiter().GetResult();
        }
        finally
        {
            Pump();
        }
    }

    protected void Pump() => Log.DrainTo(VeoHost);

    protected void Emit(object value)
    {
        Pump();
        VeoHost.WriteObject(value);
    }

    /// <summary>One item failed; the pipeline goes on, unless every further item would fail the same way.</summary>
    protected void Fail(Exception exception, object? target)
    {
        Pump();
        if (exception is OperationCanceledException && Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
        var error = ErrorMapping.From(exception, target);
        if (ErrorMapping.StopsEverything(exception)) VeoHost.ThrowTerminatingError(error);
        else VeoHost.WriteError(error);
    }

    protected static ApiKey? KeyFrom(System.Security.SecureString? secure) =>
        secure is null || secure.Length == 0 ? null : new ApiKey(SecureStrings.Reveal(secure));

    internal void RunBegin() => BeginProcessing();
    internal void RunProcess() => ProcessRecord();
    internal void RunEnd() => EndProcessing();
    internal void RunStop() => StopProcessing();
}
