namespace Veo.Core.Tasks;

public enum WaitEventKind
{
    /// <summary>A poll answered and the task is still running.</summary>
    Progress,
    /// <summary>Completed or failed: the task's wait is over.</summary>
    Finished,
    /// <summary>The wait gave up; the task still runs on the server and can be waited for again.</summary>
    TimedOut,
    /// <summary>Polling itself failed (bad key, unknown id, service down after retries).</summary>
    Error,
}

public sealed record WaitEvent(WaitEventKind Kind, VideoTask Task, Exception? Error = null);
