using System.Management.Automation;
using Veo.Core.Http;
using Veo.Core.Sessions;

namespace Veo.PowerShell.Hosting;

/// <summary>
/// Shared plumbing of every Veo cmdlet: the runspace's session, Ctrl+C cancelling <see cref="Cancellation"/>, engine
/// log lines drained on the pipeline thread, and one way to report a failed item.
/// </summary>
public abstract class VeoCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stopping = new();

    internal QueuedLog Log { get; } = new();

    protected CancellationToken Cancellation => _stopping.Token;

    /// <summary>This runspace's Veo state.</summary>
    internal VeoSession Session => RunspaceSessions.Current;

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

    /// <remarks>
    /// -Debug makes a compiled cmdlet ask "Continue?" at each debug and verbose line: at every HTTP exchange, after money
    /// is spent, and as an error in a non-interactive shell. Veo's lines then go straight to the host's display, which
    /// never asks.
    /// </remarks>
    protected void Pump() => Log.DrainTo(this, mayPrompt: !StreamsInquire());

    protected void Emit(object value)
    {
        Pump();
        WriteObject(value);
    }

    /// <summary>One item failed; the pipeline goes on, unless every further item would fail the same way.</summary>
    /// <param name="about">What the item is, said first in the message (New-VeoVideo: "Row 17 ('A fox ...')").</param>
    protected void Fail(Exception exception, object? target, string? about = null)
    {
        Pump();
        if (exception is OperationCanceledException && Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
        var error = ErrorMapping.From(exception, target);
        if (about is not null)
            error.ErrorDetails = new ErrorDetails($"{about}: {error.ErrorDetails?.Message ?? exception.Message}") { RecommendedAction = error.ErrorDetails?.RecommendedAction };
        if (ErrorMapping.StopsEverything(exception)) ThrowTerminatingError(error);
        else WriteError(error);
    }

    /// <summary>A path as the user wrote it (relative to the PowerShell location, ~ expanded) made absolute.</summary>
    protected string ResolvePath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

    protected static ApiKey? KeyFrom(System.Security.SecureString? secure) =>
        secure is null || secure.Length == 0 ? null : new ApiKey(SecureStrings.Reveal(secure));

    /// <summary>
    /// -Debug on a compiled cmdlet makes its debug and verbose lines ask "Continue?" (seen in pwsh 7.6); so does a
    /// preference of Inquire.
    /// </summary>
    /// <remarks>Preferences do not change while a command runs: asked once, not at every drain.</remarks>
    private bool StreamsInquire() => _streamsInquire ??=
        MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter { IsPresent: true }
        || GetVariableValue("DebugPreference") is ActionPreference.Inquire
        || GetVariableValue("VerbosePreference") is ActionPreference.Inquire;

    private bool? _streamsInquire;
}
