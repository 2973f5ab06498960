using Veo.Core.Tasks;

namespace Veo.PowerShell.Commands;

/// <summary>Wait-VeoVideo gave up on a task; it goes on on the server.</summary>
public sealed class WaitTimeoutException : TimeoutException
{
    public WaitTimeoutException(VideoTask task, int seconds)
        : base($"Task {task.Id} was still {task.Status} after {seconds} s. It goes on on the server; run Wait-VeoVideo -Id '{task.Id}' again later.")
    {
        Task = task;
    }

    public VideoTask Task { get; }
}
