namespace Veo.Core.Tasks;

/// <summary>A cancel that was not sent or not taken: the route has none, or the task had already finished.</summary>
public sealed class CancelRefusedException : InvalidOperationException
{
    public CancelRefusedException(string taskId, bool finished, string message) : base(message)
    {
        TaskId = taskId;
        Finished = finished;
    }

    public string TaskId { get; }

    /// <summary>True when the task had finished; false when the route cannot cancel at all.</summary>
    public bool Finished { get; }
}
