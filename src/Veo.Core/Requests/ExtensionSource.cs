using Veo.Core.Tasks;

namespace Veo.Core.Requests;

/// <summary>
/// The earlier video an extension continues: a finished task of the same service and where its video lives. The
/// Gemini API extends only videos it made itself, named by the URI its operation answered (python-genai
/// tests/models/test_generate_videos.py, test_generated_video_extension_poll: "Gemini API only supports video
/// extension on generated videos"), so the task, not a local file, is what is extended.
/// </summary>
public sealed record ExtensionSource
{
    public string TaskId { get; init; } = "";
    public string Route { get; init; } = "";
    /// <summary>The model id that made the source, used when the extension names no model of its own.</summary>
    public string Model { get; init; } = "";
    /// <summary>
    /// The URI the service gave for the source video (Gemini: generatedSamples[0].video.uri; Vertex AI: videos[0].gcsUri), or
    /// "" for a Vertex AI video answered inline, whose bytes are fetched from its operation when the extension is sent.
    /// </summary>
    public string VideoUri { get; init; } = "";
    /// <summary>The source video's whole length in seconds (earlier extensions included), or null when it is not known.</summary>
    public int? Seconds { get; init; }
    public string? AspectRatio { get; init; }
    public string? Resolution { get; init; }
    /// <summary>How many times the source video was itself made by extending, 0 for an original.</summary>
    public int Extensions { get; init; }
    /// <summary>When the source finished; the service keeps a generated video for a limited time after that.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>
    /// A finished task as the source of an extension (or, <paramref name="use"/> "edit", of an edit); the request that made it
    /// (when known) gives its length and shape.
    /// </summary>
    /// <exception cref="RequestValidationException">The task has not finished with a video.</exception>
    public static ExtensionSource Of(VideoTask task, string use = "extend")
    {
        if (!HasVideo(task))
        {
            throw new RequestValidationException(new[]
            {
                task.Status == VideoTaskStatus.Failed
                    ? $"Task {task.Id} failed, so it has no video to {use}; {use} a completed task."
                    : $"Task {task.Id} is {task.Status} and has no video yet; wait for it first ($task | Wait-VeoVideo), then {use} the completed task.",
            });
        }
        var made = task.Request;
        return new ExtensionSource
        {
            TaskId = task.Id,
            Route = task.Route,
            Model = task.Model,
            VideoUri = task.VideoUrl ?? "",
            Seconds = made?.OutputSeconds,
            AspectRatio = made?.AspectRatio,
            Resolution = made?.Resolution,
            Extensions = made?.Extend is { } earlier ? earlier.Extensions + 1 : 0,
            CompletedAt = task.CompletedAt,
        };
    }

    /// <summary>Finished with a video: one the service names by URI, or (Vertex AI, inline) one its operation holds.</summary>
    public static bool HasVideo(VideoTask task) =>
        task.Status == VideoTaskStatus.Completed && (!string.IsNullOrEmpty(task.VideoUrl) || task.VideoCount > 0);
}
