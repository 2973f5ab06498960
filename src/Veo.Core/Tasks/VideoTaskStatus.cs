namespace Veo.Core.Tasks;

public enum VideoTaskStatus
{
    Queued,
    InProgress,
    Completed,
    Failed,
}

public static class VideoTaskStatusExtensions
{
    public static bool IsFinished(this VideoTaskStatus status) => status is VideoTaskStatus.Completed or VideoTaskStatus.Failed;

    /// <summary>Gateways spell states many ways (pending, processing, IN_PROGRESS, succeeded...); read them all.</summary>
    public static VideoTaskStatus? Parse(string? wire) => (wire ?? "").Trim().ToLowerInvariant().Replace("-", "_") switch
    {
        // new-api answers "unknown" (NOT_START/UNKNOWN, model/task.go ToVideoStatus) and older versions "": not started.
        "queued" or "pending" or "submitted" or "not_start" or "waiting" or "unknown" or "" => VideoTaskStatus.Queued,
        "in_progress" or "processing" or "running" or "generating" or "inprogress" => VideoTaskStatus.InProgress,
        "completed" or "succeeded" or "success" or "done" or "complete" => VideoTaskStatus.Completed,
        "failed" or "failure" or "error" or "cancelled" or "canceled" or "expired" => VideoTaskStatus.Failed,
        _ => null,
    };
}
