namespace Veo.Core.Tasks;

/// <summary>Where a task stands, as every route's answer is read.</summary>
/// <remarks>
/// Based on long so that ConvertTo-Json writes the name ("Completed"), not a number: PowerShell writes an enum whose
/// underlying type is Int64 or UInt64 as its name, a rule from its first JSON cmdlets (the "Win8:378368" branch of
/// ProcessValue in PowerShell/PowerShell src/Microsoft.PowerShell.Commands.Utility/commands/utility/WebCmdlet/JsonObject.cs,
/// kept in 7.6; off only under the opt-in experimental feature PSSerializeJSONLongEnumAsNumber). Tested in pwsh 7.6.9
/// (ObjectSerializationTests); Windows PowerShell 5.1 shares the rule but is not tested here. Export-Csv writes any enum by name.
/// </remarks>
public enum VideoTaskStatus : long
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
