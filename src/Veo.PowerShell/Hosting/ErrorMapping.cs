using System.Management.Automation;
using System.Net;
using Veo.Core.Http;
using Veo.Core.Media;
using Veo.Core.Models;
using Veo.Core.Pricing;
using Veo.Core.Requests;
using Veo.Core.Tasks;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Emulation;

namespace Veo.PowerShell.Hosting;

/// <summary>
/// Engine exceptions to error records, so $Error[0].FullyQualifiedErrorId and CategoryInfo say what kind of failure
/// it was. Every id here is listed in about_Veo (a test holds the two together).
/// </summary>
internal static class ErrorMapping
{
    /// <summary>The fixed ids; besides them, a refusal by a service is "Api" and its HTTP status (Api429, Api500).</summary>
    public static readonly IReadOnlyList<string> FixedIds = new[]
    {
        "InvalidVideoRequest", "InvalidArgument", "SpendingCapReached", "ApiKeyMissing", "ApiKeyRefused", "CreateOutcomeUnknown",
        "ModelUnavailable", "InvalidModelCatalog", "VideoTaskFailed", "VideoUndeliverable", "WaitTimeout", "VideoNotReady", "InvalidVideoFile", "NotFound", "FileExists", "FileError",
        "FileAccessDenied", "NetworkError", "Stopped", "EmulatorNotRunning", "CancelNotSupported", "TaskAlreadyFinished", "UnexpectedError",
    };

    public static ErrorRecord From(Exception exception, object? target) => exception switch
    {
        RequestValidationException e => Record(e, "InvalidVideoRequest", ErrorCategory.InvalidArgument, target),
        ModelUnavailableException e => Record(e, "ModelUnavailable", ErrorCategory.ResourceUnavailable, target,
            e.Replacement is { } replacement ? $"Use -Model {replacement}." : $"See what the route serves now: Get-VeoModel -Route {e.Route} -Live."),
        ModelCatalogFormatException e => Record(e, "InvalidModelCatalog", ErrorCategory.InvalidData, target,
            $"Fix entry {e.EntryNumber?.ToString() ?? "(the file as a whole)"} of {e.FileName}, or move the file away; Veo never rewrites it."),
        SpendingCapException e => Record(e, "SpendingCapReached", ErrorCategory.QuotaExceeded, target),
        MissingApiKeyException e => Record(e, "ApiKeyMissing", ErrorCategory.AuthenticationError, target),
        ApiException { IsKeyRefused: true } e => Record(e, "ApiKeyRefused", ErrorCategory.AuthenticationError, target),
        AmbiguousCreateException e => Record(e, "CreateOutcomeUnknown", ErrorCategory.OperationTimeout, target,
            "Check the provider's task list or console before submitting this prompt again."),
        CancelRefusedException { Finished: true } e => Record(e, "TaskAlreadyFinished", ErrorCategory.InvalidOperation, target),
        CancelRefusedException e => Record(e, "CancelNotSupported", ErrorCategory.NotImplemented, target,
            "The task goes on; save it when it finishes, or stop paying for such tasks by choosing a route that can cancel (-Route Google)."),
        VideoTaskFailedException e => Record(e, "VideoTaskFailed", ErrorCategory.InvalidResult, target),
        VideoUndeliverableException e => Record(e, "VideoUndeliverable", ErrorCategory.ResourceUnavailable, target),
        WaitTimeoutException e => Record(e, "WaitTimeout", ErrorCategory.OperationTimeout, target,
            "The task goes on on the server; wait for it again later by its id."),
        ContentNotReadyException or VideoNotFinishedException => Record(exception, "VideoNotReady", ErrorCategory.ResourceBusy, target),
        InvalidVideoException e => Record(e, "InvalidVideoFile", ErrorCategory.InvalidData, target),
        // new-api answers an unknown task id 400 task_not_exist (relay/relay_task.go): it is a missing task, not a bad request.
        ApiException { ErrorCode: "task_not_exist" } e => Record(e, "NotFound", ErrorCategory.ObjectNotFound, target),
        ApiException e => Record(e, "Api" + (int)e.StatusCode, Category(e.StatusCode), target),
        EmulatorNotRunningException e => Record(e, "EmulatorNotRunning", ErrorCategory.InvalidOperation, target),
        ArgumentException e => Record(e, "InvalidArgument", ErrorCategory.InvalidArgument, target),
        KeyNotFoundException e => Record(e, "NotFound", ErrorCategory.ObjectNotFound, target),
        IOException e when e.Message.Contains("already exists") => Record(e, "FileExists", ErrorCategory.ResourceExists, target),
        IOException e => Record(e, "FileError", ErrorCategory.WriteError, target),
        UnauthorizedAccessException e => Record(e, "FileAccessDenied", ErrorCategory.PermissionDenied, target),
        HttpRequestException e => Record(e, "NetworkError", ErrorCategory.ConnectionError, target),
        OperationCanceledException e => Record(e, "Stopped", ErrorCategory.OperationStopped, target),
        _ => Record(exception, "UnexpectedError", ErrorCategory.NotSpecified, target),
    };

    /// <summary>Errors after which every further item would fail the same way: stop the pipeline.</summary>
    public static bool StopsEverything(Exception exception) => exception is MissingApiKeyException
        // Every further item reads the same file.
        || exception is ModelCatalogFormatException
        || exception is ApiException { IsKeyRefused: true }
        || exception is ApiException { StatusCode: HttpStatusCode.PaymentRequired or HttpStatusCode.Forbidden };

    private static ErrorRecord Record(Exception exception, string id, ErrorCategory category, object? target, string? recommendedAction = null)
    {
        var record = new ErrorRecord(exception, id, category, target);
        if (recommendedAction is not null) record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction };
        return record;
    }

    private static ErrorCategory Category(HttpStatusCode status) => (int)status switch
    {
        400 or 422 => ErrorCategory.InvalidArgument,
        401 => ErrorCategory.AuthenticationError,
        402 => ErrorCategory.QuotaExceeded,
        403 => ErrorCategory.PermissionDenied,
        404 => ErrorCategory.ObjectNotFound,
        429 => ErrorCategory.LimitsExceeded,
        >= 500 => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.NotSpecified,
    };
}
