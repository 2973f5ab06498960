namespace Veo.Core.Http;

/// <summary>The gateway says "completed" but its content endpoint still answers IN_PROGRESS for a while.</summary>
public sealed class ContentNotReadyException : Exception
{
    public ContentNotReadyException(string taskId, string serverMessage)
        : base($"The video of task {taskId} is not downloadable yet: {serverMessage}")
    {
        TaskId = taskId;
    }

    public string TaskId { get; }
}
