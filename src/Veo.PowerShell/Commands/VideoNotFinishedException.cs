using Veo.Core.Tasks;

namespace Veo.PowerShell.Commands;

/// <summary>Save-VeoVideo was handed a task that has not finished rendering.</summary>
public sealed class VideoNotFinishedException : InvalidOperationException
{
    public VideoNotFinishedException(VideoTask task)
        : base($"Task {task.Id} is {task.Status}, not completed yet. Pipe it through Wait-VeoVideo first.")
    {
        Task = task;
    }

    public VideoTask Task { get; }
}
