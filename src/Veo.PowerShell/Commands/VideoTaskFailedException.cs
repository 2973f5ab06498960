using Veo.Core.Tasks;

namespace Veo.PowerShell.Commands;

/// <summary>The service finished a task as failed; the message is the service's own.</summary>
public sealed class VideoTaskFailedException : Exception
{
    public VideoTaskFailedException(VideoTask task)
        : base($"Task {task.Id} failed{(task.ErrorCode is null ? "" : $" ({task.ErrorCode})")}: {task.Error ?? "no reason given"}")
    {
        Task = task;
    }

    public VideoTask Task { get; }
}
