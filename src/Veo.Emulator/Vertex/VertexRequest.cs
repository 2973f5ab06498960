using System.Text.Json;
using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// Reads and checks a Vertex AI predictLongRunning body as python-genai builds it (models.py
/// _GenerateVideosParameters_to_vertex, _GenerateVideosConfig_to_vertex): the Gemini API's instance and parameters plus
/// what only Vertex AI takes, parameters.seed, generateAudio, sampleCount, storageUri (also fps, compressionQuality,
/// resizeMode, pubsubTopic, accepted and not acted on). Those are checked here; the rest is the Gemini API's contract,
/// checked by <see cref="GeminiRequest"/> on the body without them.
/// </summary>
internal static class VertexRequest
{
    /// <summary>Veo 3.1 on Vertex AI: the GA -001 ids and the preview ids (cloud.google.com/vertex-ai/generative-ai/docs/models/veo/3-1-generate).</summary>
    public static readonly string[] Models = ["veo-3.1-generate-001", "veo-3.1-fast-generate-001", "veo-3.1-generate-preview", "veo-3.1-fast-generate-preview"];

    /// <summary>"Maximum videos returned per request: 4" (cloud.google.com/vertex-ai/generative-ai/docs/models/veo/3-1-generate).</summary>
    public const int MaxSamples = 4;

    private static readonly string[] VertexOnlyParameters =
        ["seed", "generateAudio", "sampleCount", "storageUri", "fps", "compressionQuality", "resizeMode", "pubsubTopic"];

    /// <summary>types.VideoCompressionQuality: OPTIMIZED, LOSSLESS (python-genai; its enums are case-insensitive).</summary>
    private static readonly string[] CompressionQualities = ["optimized", "lossless"];

    /// <summary>types.ImageResizeMode: CROP, PAD (python-genai), how an image of another shape is fitted.</summary>
    private static readonly string[] ResizeModes = ["crop", "pad"];

    /// <summary>Null when the request is acceptable, otherwise the INVALID_ARGUMENT message.</summary>
    /// <param name="tasks">The videos made so far, which an extension (instances[0].video) must name one of.</param>
    public static string? Problem(byte[] body, string model, string project, string location, TaskStore tasks, DateTimeOffset now,
        out string prompt, out VideoFixture fixture, out VertexOrder order)
    {
        prompt = "";
        fixture = VideoFixture.Default;
        order = new VertexOrder(project, location, 1, true, null);
        JsonObject? request;
        try
        {
            request = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException e)
        {
            return $"Invalid JSON payload received. {e.Message}";
        }
        if (request is null) return "Invalid JSON payload received. The body must be a JSON object.";
        // Vertex AI has no webhookConfig: the Gemini API's notifications are its own (python-genai sends it only there).
        if (request.ContainsKey("webhookConfig"))
            return "Invalid JSON payload received. Unknown name \"webhookConfig\": Cannot find field.";
        if (request["instances"] is JsonArray instances && instances.OfType<JsonObject>().SelectMany(Images).FirstOrDefault(i => i.ContainsKey("gcsUri")) is not null)
            return "Images given by gcsUri are not emulated; send bytesBase64Encoded.";

        var parameters = request["parameters"] as JsonObject ?? [];
        if (ReadVertexParameters(parameters, project, location, out order) is { } problem) return problem;

        var shared = (JsonObject)request.DeepClone();
        if (shared["parameters"] is JsonObject sharedParameters)
            foreach (var name in VertexOnlyParameters) sharedParameters.Remove(name);
        // An extension's video is Vertex AI's own shape (VertexExtension checks it); the rest of the request is checked
        // as a new video's, without the video and the length only an extension fixes.
        var extension = request["instances"] is JsonArray { Count: 1 } one && one[0] is JsonObject first && first.ContainsKey("video") ? first : null;
        VideoFixture? extended = null;
        if (extension is not null)
        {
            if (VertexExtension.Problem(model, extension, parameters, tasks, now, out var made) is { } extensionProblem) return extensionProblem;
            extended = made;
            var sharedInstance = (JsonObject)((JsonArray)shared["instances"]!)[0]!;
            sharedInstance.Remove("video");
            // The prompt guides the extension and may be left out (python-genai's test_from_video_source sends none).
            if (GeminiRequest.StringOrNull(sharedInstance["prompt"]) is not { Length: > 0 }) sharedInstance["prompt"] = "(extension)";
            (shared["parameters"] as JsonObject)?.Remove("durationSeconds");
        }
        // The same Veo 3.1 model under its Gemini API id, for the per-model rules the two APIs share.
        var geminiModel = model.Replace("-001", "-preview");
        if (GeminiRequest.Problem(System.Text.Encoding.UTF8.GetBytes(shared.ToJsonString()), geminiModel, out var create) is { } sharedProblem)
            return sharedProblem;
        prompt = extension is not null ? GeminiRequest.StringOrNull(extension["prompt"]) ?? "" : create.Prompt;
        fixture = (extended ?? create.Fixture) with { Silent = !order.GenerateAudio };
        return null;
    }

    private static string? ReadVertexParameters(JsonObject parameters, string project, string location, out VertexOrder order)
    {
        order = new VertexOrder(project, location, 1, true, null);
        var samples = 1;
        if (parameters["sampleCount"] is { } count
            && (count.GetValueKind() != JsonValueKind.Number || !count.AsValue().TryGetValue(out samples) || samples is < 1 or > MaxSamples))
            return $"parameters.sampleCount {count.ToJsonString()} is out of range: Veo returns 1 to {MaxSamples} videos per request.";
        if (parameters["seed"] is { } seed && (seed.GetValueKind() != JsonValueKind.Number || !seed.AsValue().TryGetValue<long>(out var value) || value is < 0 or > uint.MaxValue))
            return $"parameters.seed {seed.ToJsonString()} must be a whole number from 0 to {uint.MaxValue}.";
        var audio = true;
        if (parameters["generateAudio"] is { } generateAudio)
        {
            if (generateAudio.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) return "parameters.generateAudio must be true or false.";
            audio = generateAudio.GetValue<bool>();
        }
        string? storage = null;
        if (parameters["storageUri"] is { } storageNode)
        {
            storage = storageNode.GetValueKind() == JsonValueKind.String ? storageNode.GetValue<string>() : null;
            if (VertexStorage.Parse(storage) is null) return $"parameters.storageUri {storageNode.ToJsonString()} is not a Cloud Storage URI (gs://bucket/folder/).";
        }
        if (parameters["compressionQuality"] is { } quality
            && !CompressionQualities.Contains(quality.GetValueKind() == JsonValueKind.String ? quality.GetValue<string>().ToLowerInvariant() : null))
            return $"parameters.compressionQuality {quality.ToJsonString()} is not supported; use \"optimized\" or \"lossless\".";
        if (parameters["resizeMode"] is { } resize
            && !ResizeModes.Contains(resize.GetValueKind() == JsonValueKind.String ? resize.GetValue<string>().ToLowerInvariant() : null))
            return $"parameters.resizeMode {resize.ToJsonString()} is not supported; use \"crop\" or \"pad\".";
        order = new VertexOrder(project, location, samples, audio, storage);
        return null;
    }

    private static IEnumerable<JsonObject> Images(JsonObject instance)
    {
        foreach (var name in new[] { "image", "lastFrame" })
            if (instance[name] is JsonObject image) yield return image;
        if (instance["referenceImages"] is JsonArray references)
            foreach (var reference in references.OfType<JsonObject>())
                if (reference["image"] is JsonObject image) yield return image;
    }
}
