using System.Text.Json;
using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// Extending a video on Vertex AI: instances[0].video carries the video itself, {"gcsUri" | "bytesBase64Encoded",
/// "mimeType"} (python-genai _Video_to_vertex; its test table sends a gs:// video with veo-3.1-generate-preview on Vertex
/// AI, test_from_text_and_video_source). Google Cloud's "Extend Veo on Vertex AI-generated videos"
/// (docs.cloud.google.com/vertex-ai/generative-ai/docs/video/extend-a-veo-video) extends "videos that you previously
/// generated using Veo that are 1 to 30 seconds in length"; the emulator knows only its own, so a gs:// object must be
/// one of its buckets' and inline bytes one of its own renderings. 7 seconds are added, at 720p or 1080p (docs.jiekou.ai,
/// "Veo 3.1 Video Extension", a Vertex-based reference: "extend an input video by 7 seconds. Supports 720p and 1080p").
/// The wording of each refusal is the emulator's: Google's own text was not found in a public source.
/// </summary>
internal static class VertexExtension
{
    public const int AddedSeconds = 7;
    public const int MaxSourceSeconds = 30;

    /// <summary>Null and the video to render when the extension may go on, else the INVALID_ARGUMENT message.</summary>
    /// <summary>
    /// The models that extend at 720p only: Google's Veo 3.1 model page lists "1080, except for video extension" for
    /// veo-3.1-generate-preview and no such exception for Fast (cloud.google.com/vertex-ai/generative-ai/docs/models/veo/3-1-generate).
    /// </summary>
    private static readonly string[] ExtendAt720pOnly = ["veo-3.1-generate-001", "veo-3.1-generate-preview"];

    public static string? Problem(string model, JsonObject instance, JsonObject parameters, TaskStore tasks, DateTimeOffset now, out VideoFixture fixture)
    {
        fixture = VideoFixture.Default;
        if (instance["video"] is not JsonObject video)
            return "instances[0].video must be an object {\"gcsUri\" | \"bytesBase64Encoded\", \"mimeType\"}.";
        if (GeminiRequest.UnknownField(video, "instances[0].video.", ["gcsUri", "bytesBase64Encoded", "mimeType"]) is { } unknown) return unknown;
        if (instance["image"] is not null || instance["lastFrame"] is not null || instance["referenceImages"] is not null)
            return "instances[0].video cannot be combined with image, lastFrame or referenceImages; an extension continues the video itself.";
        if (GeminiRequest.StringOrNull(video["mimeType"]) is { } mime && mime != "video/mp4")
            return $"instances[0].video.mimeType \"{mime}\" is not supported; send an MP4 (video/mp4).";
        if (parameters["durationSeconds"] is { } duration && duration.ToJsonString() != AddedSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return $"parameters.durationSeconds {duration.ToJsonString()} is not supported for video extension; an extension adds {AddedSeconds} seconds.";
        var resolutionText = GeminiRequest.StringOrNull(parameters["resolution"]);
        if (parameters["resolution"] is { } resolutionNode && resolutionText is not ("720p" or "1080p"))
            return $"parameters.resolution {resolutionNode.ToJsonString()} is not supported for video extension; use \"720p\" or \"1080p\".";

        if (ExtendAt720pOnly.Contains(model) && resolutionText is "1080p")
            return $"parameters.resolution \"1080p\" is not supported for video extension with {model}; use \"720p\".";

        var gcsUri = GeminiRequest.StringOrNull(video["gcsUri"]);
        var base64 = GeminiRequest.StringOrNull(video["bytesBase64Encoded"]);
        if ((gcsUri is null) == (base64 is null))
            return "instances[0].video needs exactly one of gcsUri or bytesBase64Encoded.";
        VideoTask? source;
        if (gcsUri is not null)
        {
            source = VertexStorage.Parse(gcsUri) is { } place && ObjectOf(gcsUri, place.Bucket) is { } objectName
                ? VertexStorage.Find(tasks, place.Bucket, objectName)?.Task
                : null;
            if (source is null) return $"instances[0].video.gcsUri '{gcsUri}' does not name a video Veo generated; only generated videos can be extended.";
        }
        else
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(base64!);
            }
            catch (FormatException)
            {
                return "instances[0].video.bytesBase64Encoded is not valid base64.";
            }
            source = tasks.FindWhere(EmulatedApi.Vertex, t => t.StateAt(now).Phase == TaskPhase.Completed && RenderedVideo.Of(t.Order.Fixture).AsSpan().SequenceEqual(bytes));
            if (source is null) return "instances[0].video.bytesBase64Encoded is not a video Veo generated; only generated videos can be extended.";
        }
        if (source.StateAt(now).Phase != TaskPhase.Completed)
            return $"instances[0].video names a video that is not ready (operation {VertexOperation.Name(source)} is not done).";
        var made = source.Order.Fixture;
        if (made.Seconds > MaxSourceSeconds)
            return $"The input video is {made.Seconds} seconds long; videos of 1 to {MaxSourceSeconds} seconds can be extended.";
        if (made.Resolution == VideoResolution.K4)
            return "The input video is 4k; only 720p and 1080p videos can be extended.";
        if (ExtendAt720pOnly.Contains(model) && made.Resolution != VideoResolution.P720)
            return $"The input video is {VeoRules.Name(made.Resolution)}; {model} extends 720p videos only.";
        if (parameters["aspectRatio"] is { } aspect && GeminiRequest.StringOrNull(aspect) != VeoRules.AspectRatio(made.Orientation))
            return $"parameters.aspectRatio {aspect.ToJsonString()} does not match the input video's \"{VeoRules.AspectRatio(made.Orientation)}\".";

        fixture = new VideoFixture(made.Orientation, VeoRules.ParseResolution(resolutionText) ?? made.Resolution) { Seconds = made.Seconds + AddedSeconds };
        return null;
    }

    /// <summary>The object name of gs://{bucket}/{object}.</summary>
    private static string? ObjectOf(string gcsUri, string bucket)
    {
        var prefix = $"gs://{bucket}/";
        return gcsUri.StartsWith(prefix, StringComparison.Ordinal) && gcsUri.Length > prefix.Length ? gcsUri[prefix.Length..] : null;
    }
}
