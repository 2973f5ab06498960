using System.Management.Automation;
using System.Net;
using Veo.Core.Http;
using Veo.Core.Media;
using Veo.Core.Pricing;
using Veo.Core.Requests;

namespace Veo.PowerShell.Hosting;

/// <summary>Engine exceptions to error ids and categories, so $Error[0].CategoryInfo tells what kind of failure it was.</summary>
internal static class ErrorMapping
{
    public static VeoError From(Exception exception, object? target) => exception switch
    {
        RequestValidationException e => new(e, "InvalidVideoRequest", ErrorCategory.InvalidArgument, target),
        SpendingCapException e => new(e, "SpendingCapReached", ErrorCategory.QuotaExceeded, target),
        MissingApiKeyException e => new(e, "ApiKeyMissing", ErrorCategory.AuthenticationError, target),
        AmbiguousCreateException e => new(e, "CreateOutcomeUnknown", ErrorCategory.OperationTimeout, target,
            "Check the provider's task list or console before submitting this prompt again."),
        ContentNotReadyException e => new(e, "VideoNotReady", ErrorCategory.ResourceBusy, target),
        InvalidVideoException e => new(e, "InvalidVideoFile", ErrorCategory.InvalidData, target),
        ApiException e => new(e, "Api" + (int)e.StatusCode, Category(e.StatusCode), target),
        ArgumentException e => new(e, "InvalidArgument", ErrorCategory.InvalidArgument, target),
        KeyNotFoundException e => new(e, "NotFound", ErrorCategory.ObjectNotFound, target),
        IOException e when e.Message.Contains("already exists") => new(e, "FileExists", ErrorCategory.ResourceExists, target),
        IOException e => new(e, "FileError", ErrorCategory.WriteError, target),
        UnauthorizedAccessException e => new(e, "FileAccessDenied", ErrorCategory.PermissionDenied, target),
        HttpRequestException e => new(e, "NetworkError", ErrorCategory.ConnectionError, target),
        OperationCanceledException e => new(e, "Stopped", ErrorCategory.OperationStopped, target),
        _ => new(exception, "UnexpectedError", ErrorCategory.NotSpecified, target),
    };

    /// <summary>Errors after which every further item would fail the same way: stop the pipeline.</summary>
    public static bool StopsEverything(Exception exception) => exception is MissingApiKeyException
        || exception is ApiException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.PaymentRequired or HttpStatusCode.Forbidden };

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
