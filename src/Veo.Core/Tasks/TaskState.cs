namespace Veo.Core.Tasks;

/// <summary>What the journal can be asked for: a task's status, or where it stands in the New | Wait | Save flow.</summary>
public enum TaskState
{
    /// <summary>Everything the journal knows.</summary>
    Any,
    /// <summary>Still needs work: not failed and not saved yet. What to resume after a crash.</summary>
    Pending,
    Queued,
    InProgress,
    Completed,
    Failed,
    Saved,
}
