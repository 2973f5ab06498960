using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Veo.Emulator;

/// <summary>
/// The Gemini API's rules that depend on the mode of a request (text, image, first/last frame, references, extension)
/// and on the model: plain functions over the request's JSON, so any host of the emulator can call them.
/// </summary>
internal static class GeminiModes
{
    /// <summary>
    /// Google's Veo 3.1 parameter table (ai.google.dev/gemini-api/docs/video): personGeneration is "allow_all" only for
    /// text-to-video and extension, "allow_adult" only for image-to-video, interpolation and reference images, as the
    /// discuss.ai.google.dev thread "Veo 3.1 image-to-video rejects documented personGeneration=allow_adult" quotes the
    /// page. A value a mode does not take is refused with the text that thread shows the service answering (400
    /// INVALID_ARGUMENT): "allow_adult for personGeneration is currently not supported."
    /// </summary>
    public static string? PersonGenerationProblem(JsonObject instance, JsonObject parameters)
    {
        if (parameters["personGeneration"] is not { } node) return null;
        var value = GeminiRequest.StringOrNull(node) ?? node.ToJsonString();
        var allowed = IsExtension(instance) || instance["image"] is null && instance["referenceImages"] is null ? "allow_all" : "allow_adult";
        return value == allowed ? null : $"{value} for personGeneration is currently not supported.";
    }

    /// <summary>The mode and model rules, in the order the service is seen to check them; null when the request may go on.</summary>
    public static string? Problem(string model, JsonObject instance, JsonObject parameters) =>
        LiteProblem(model, instance, parameters) ?? ExtensionProblem(instance, parameters) ?? PersonGenerationProblem(instance, parameters);

    /// <summary>The URI of the earlier video an extension names, or null for a new video.</summary>
    public static string? ExtensionUri(JsonObject instance) =>
        instance["video"] is JsonObject video ? GeminiRequest.StringOrNull(video["uri"]) : null;

    /// <summary>The file id in a video URI the service handed out (…/v1beta/files/{id}:download?alt=media), or null.</summary>
    public static string? FileIdOf(string uri)
    {
        var match = Regex.Match(uri, @"^https://[^/]+/v1beta/files/([a-z0-9]+)(:download)?(\?alt=media)?$");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool IsExtension(JsonObject instance) => instance.ContainsKey("video");

    /// <summary>
    /// Gemini API extension: instances[0].video names an earlier Veo video by its URI (python-genai _Video_to_mldev maps
    /// Video.uri to "uri", video_bytes to "encodedVideo", mime_type to "encoding"; its extension tests pass a generated
    /// video, which after files.download carries its bytes too). Bytes alone are not an extension the Gemini API takes
    /// (js-genai issue #1059): only a video it generated, named by its URI. The extension is 720p (the parameter table's
    /// "720p only for extension"), and durationSeconds, when sent, is 8.
    /// </summary>
    private static string? ExtensionProblem(JsonObject instance, JsonObject parameters)
    {
        if (!IsExtension(instance)) return null;
        if (instance["video"] is not JsonObject video) return "instances[0].video must be an object {\"uri\": ...} naming a video Veo generated.";
        if (GeminiRequest.UnknownField(video, "instances[0].video.", ["uri", "encodedVideo", "encoding"]) is { } unknown) return unknown;
        if (GeminiRequest.StringOrNull(video["uri"]) is null)
            return "instances[0].video.uri is required: the Gemini API extends only videos Veo generated, named by the uri of generatedSamples[].video.";
        if (instance["image"] is not null || instance["lastFrame"] is not null || instance["referenceImages"] is not null)
            return "instances[0].video cannot be combined with image, lastFrame or referenceImages; an extension continues the video itself.";
        if (parameters["resolution"] is { } resolution && GeminiRequest.StringOrNull(resolution) != "720p")
            return $"parameters.resolution {resolution.ToJsonString()} is not supported for video extension; extensions are made at \"720p\".";
        if (parameters["durationSeconds"] is { } duration && duration.ToJsonString() != "8")
            return $"parameters.durationSeconds {duration.ToJsonString()} is not supported for video extension; it must be 8 when extending a video.";
        return null;
    }

    /// <summary>Lite renders 720p and 1080p from text or a single image; it neither extends nor takes frames or references.</summary>
    private static string? LiteProblem(string model, JsonObject instance, JsonObject parameters)
    {
        if (model != GeminiRequest.LiteModel) return null;
        if (IsExtension(instance)) return $"Video extension is not supported by {model}.";
        if (instance["lastFrame"] is not null) return $"instances[0].lastFrame is not supported by {model}.";
        if (instance["referenceImages"] is not null) return $"instances[0].referenceImages is not supported by {model}.";
        if (GeminiRequest.StringOrNull(parameters["resolution"]) == "4k") return $"parameters.resolution \"4k\" is not supported by {model}; use \"720p\" or \"1080p\".";
        return null;
    }
}
