namespace Veo.Core.Http;

/// <summary>The task completed but the gateway says its video cannot be delivered (see <see cref="UndeliverableVideo"/>): final for that task.</summary>
public sealed class VideoUndeliverableException : Exception
{
    public VideoUndeliverableException(string route, string serverMessage)
        : base($"{route} completed the task but cannot deliver its video: \"{serverMessage}\". This is final (often the video was removed by a safety filter); " +
               "fetching again gives the same answer. Check the provider's console; submit the prompt again to make a new video.")
    {
        ServerMessage = serverMessage;
    }

    public string ServerMessage { get; }
}
