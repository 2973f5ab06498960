using System.Management.Automation;

namespace Veo.PowerShell.Hosting;

/// <summary>A progress bar update as plain data; <see cref="ParentId"/> -1 is a top-level bar.</summary>
internal sealed record ProgressInfo(int ActivityId, string Activity, string Status, int PercentComplete, int ParentId = -1, bool Completed = false, int SecondsRemaining = -1)
{
    public ProgressRecord ToProgressRecord() => new(ActivityId, Activity, Status)
    {
        PercentComplete = Math.Max(0, Math.Min(100, PercentComplete)),
        ParentActivityId = ParentId,
        RecordType = Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        SecondsRemaining = SecondsRemaining,
    };
}
