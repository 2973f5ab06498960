namespace Veo.Core.Http;

/// <summary>A video past the ceiling (HttpPolicy.MaxVideoBytes, Save-VeoVideo -MaxSize): not fetched again, nothing kept.</summary>
public sealed class VideoTooLargeException : IOException
{
    private VideoTooLargeException(string message) : base(message)
    {
    }

    internal static VideoTooLargeException Announced(long bytes, long max) =>
        new($"The server announced a video of {bytes:N0} bytes, more than the {max:N0} bytes Veo saves (an 8-second video is far smaller); nothing was written. Raise the ceiling with Save-VeoVideo -MaxSize if this is expected.");

    internal static VideoTooLargeException Said(string message) => new(message);

    internal static VideoTooLargeException Streamed(long max) =>
        new($"The server sent more than {max:N0} bytes for one video, more than Veo saves (an 8-second video is far smaller); the download was stopped and nothing kept. Raise the ceiling with Save-VeoVideo -MaxSize if this is expected.");
}
