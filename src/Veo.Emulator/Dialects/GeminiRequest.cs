using System.Text.Json;
using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// Reads and checks a predictLongRunning body as @google/genai builds it for the Gemini API:
/// {"instances":[{"prompt","image","lastFrame","referenceImages"}],"parameters":{...},"webhookConfig"?:{...}}, inline images as
/// {"bytesBase64Encoded","mimeType"}. Unknown fields are refused, so a typo is caught here rather than ignored.
/// </summary>
internal static class GeminiRequest
{
    /// <summary>
    /// The Gemini API's own Veo 3.1 ids. The -001 ids are Vertex AI's and answer NOT_FOUND here, as python-genai's
    /// tests record ("models/veo-3.1-lite-generate-001 is not found for API version v1beta",
    /// tests/shared/models/test_generate_videos.py, where veo-3.1-lite-generate-preview is the Gemini API's Lite).
    /// </summary>
    public static readonly string[] Models = ["veo-3.1-generate-preview", "veo-3.1-fast-generate-preview", LiteModel];

    /// <summary>Veo 3.1 Lite: 720p and 1080p, text- and image-to-video only, no extension (launch coverage, March 2026).</summary>
    public const string LiteModel = "veo-3.1-lite-generate-preview";

    private static readonly string[] InstanceFields = ["prompt", "image", "lastFrame", "referenceImages", "video"];
    /// <remarks>
    /// enhancePrompt is accepted (a boolean): python-genai has sent it to the Gemini API since 2025-06 (commit 92ca562e,
    /// _GenerateVideosConfig_to_mldev), and no source shows the service refusing it; the Veo route does not send it, as
    /// Google's Veo 3.1 parameter table does not list it. compressionQuality and resizeMode are Vertex AI's only
    /// (python-genai raises for them on the Gemini API) and are refused as unknown fields here.
    /// </remarks>
    private static readonly string[] ParameterFields =
        ["aspectRatio", "resolution", "durationSeconds", "negativePrompt", "personGeneration", "seed", "sampleCount", "enhancePrompt", "generateAudio"];

    /// <summary>Null when the request is acceptable, otherwise the INVALID_ARGUMENT message.</summary>
    public static string? Problem(byte[] body, string model, out GeminiCreate create)
    {
        create = new GeminiCreate("", VideoFixture.Default, null);
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
        if (UnknownField(request, "", ["instances", "parameters", "webhookConfig"]) is { } topLevel) return topLevel;
        if (WebhookProblem(request["webhookConfig"]) is { } webhook) return webhook;

        if (request["instances"] is not JsonArray { Count: 1 } instances || instances[0] is not JsonObject instance)
            return "instances must hold exactly one instance object.";
        var parameters = request["parameters"] as JsonObject ?? [];
        if (request["parameters"] is { } p && p is not JsonObject) return "parameters must be an object.";

        string prompt = "";
        VideoFixture fixture = VideoFixture.Default;
        var problem = UnknownField(instance, "instances[0].", InstanceFields)
                      ?? UnknownField(parameters, "parameters.", ParameterFields)
                      ?? ReadInstance(instance, parameters, out prompt)
                      ?? GeminiModes.Problem(model, instance, parameters)
                      ?? ReadParameters(instance, parameters, out fixture);
        if (problem is not null) return problem;
        create = new GeminiCreate(prompt, fixture, GeminiModes.ExtensionUri(instance));
        return null;
    }

    private static string? ReadInstance(JsonObject instance, JsonObject parameters, out string prompt)
    {
        prompt = StringOrNull(instance["prompt"]) ?? "";
        if (instance["prompt"] is { } node && node.GetValueKind() != JsonValueKind.String) return "instances[0].prompt must be a string.";
        if (string.IsNullOrWhiteSpace(prompt) && instance["image"] is null && instance["video"] is null) return "instances[0].prompt is required.";

        var hasImage = instance["image"] is not null;
        var hasLastFrame = instance["lastFrame"] is not null;
        if (hasImage && ImageProblem(instance["image"], "instances[0].image") is { } imageProblem) return imageProblem;
        if (hasLastFrame && !hasImage) return "instances[0].lastFrame needs a first frame in instances[0].image.";
        if (hasLastFrame && ImageProblem(instance["lastFrame"], "instances[0].lastFrame") is { } lastProblem) return lastProblem;

        var hasNegativePrompt = parameters["negativePrompt"] is { } n && n.GetValueKind() == JsonValueKind.String
                                                                       && !string.IsNullOrWhiteSpace(n.GetValue<string>());
        if (instance["referenceImages"] is { } referenceNode)
        {
            if (referenceNode is not JsonArray references) return "instances[0].referenceImages must be an array.";
            if (references.Count > VeoRules.MaxReferenceImages)
                return $"instances[0].referenceImages holds {references.Count} images; at most {VeoRules.MaxReferenceImages} are accepted.";
            if (hasImage || hasLastFrame)
                return "instances[0].referenceImages cannot be combined with image or lastFrame; use one mode.";
            if (hasNegativePrompt) return "parameters.negativePrompt is not supported with reference images; remove it.";
            for (var i = 0; i < references.Count; i++)
            {
                if (ReferenceProblem(references[i], $"instances[0].referenceImages[{i}]") is { } referenceProblem) return referenceProblem;
            }
        }
        if (hasNegativePrompt && hasLastFrame) return "parameters.negativePrompt is not supported with first and last frames; remove it.";
        return null;
    }

    private static string? ReadParameters(JsonObject instance, JsonObject parameters, out VideoFixture fixture)
    {
        fixture = VideoFixture.Default;
        if (parameters.ContainsKey("generateAudio"))
            return "parameters.generateAudio is not supported by the Gemini API: Veo 3.1 always generates audio.";

        var aspectText = StringOrNull(parameters["aspectRatio"]);
        var aspect = VeoRules.ParseAspectRatio(aspectText);
        if (parameters["aspectRatio"] is not null && aspect is null) return $"parameters.aspectRatio {parameters["aspectRatio"]!.ToJsonString()} is not supported; use \"16:9\" or \"9:16\".";

        var resolutionText = StringOrNull(parameters["resolution"]);
        VideoResolution? resolution = resolutionText is "720p" or "1080p" or "4k" ? VeoRules.ParseResolution(resolutionText) : null;
        if (parameters["resolution"] is not null && resolution is null)
            return $"parameters.resolution {parameters["resolution"]!.ToJsonString()} is not supported; use \"720p\", \"1080p\" or \"4k\".";

        var seconds = VeoRules.DefaultSeconds;
        if (parameters["durationSeconds"] is { } duration
            && (duration.GetValueKind() != JsonValueKind.Number || !duration.AsValue().TryGetValue(out seconds) || !VeoRules.Durations.Contains(seconds)))
            return $"parameters.durationSeconds {duration.ToJsonString()} is not supported; use the number 4, 6 or 8.";
        var finalResolution = resolution ?? VideoResolution.P720;
        if (VeoRules.NeedsEightSeconds(finalResolution) && seconds != 8)
            return $"{VeoRules.Name(finalResolution)} is only rendered as 8-second videos; set parameters.durationSeconds to 8.";
        if (instance["referenceImages"] is JsonArray { Count: > 0 } && seconds != 8)
            return "Reference-image requests are only rendered as 8-second videos; set parameters.durationSeconds to 8.";

        if (parameters["negativePrompt"] is { } negative && negative.GetValueKind() != JsonValueKind.String)
            return "parameters.negativePrompt must be a string.";
        // The Gemini API takes no seed: python-genai refuses it before sending ("seed parameter is not supported in Gemini
        // API", _GenerateVideosConfig_to_mldev); only Vertex AI takes one.
        if (parameters.ContainsKey("seed"))
            return "parameters.seed is not supported by the Gemini API (only Vertex AI takes a seed); remove it.";
        if (parameters["sampleCount"] is { } count && (count.GetValueKind() != JsonValueKind.Number || !count.AsValue().TryGetValue<int>(out var samples) || samples != 1))
            return "parameters.sampleCount must be 1: Veo 3.1 renders one video per request.";
        if (parameters["enhancePrompt"] is { } enhance && enhance.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            return "parameters.enhancePrompt must be true or false.";

        fixture = new VideoFixture(aspect ?? Orientation.Landscape, finalResolution) { Seconds = seconds };
        return null;
    }

    /// <summary>
    /// @google/genai sends config.webhookConfig at the top level of the body on the Gemini API:
    /// {"uris":["https://..."],"userMetadata":{...}}. Checked and accepted; the emulator delivers no notifications.
    /// </summary>
    private static string? WebhookProblem(JsonNode? node)
    {
        if (node is null) return null;
        if (node is not JsonObject webhook) return "webhookConfig must be an object {\"uris\":[...],\"userMetadata\":{...}}.";
        if (UnknownField(webhook, "webhookConfig.", ["uris", "userMetadata"]) is { } unknown) return unknown;
        if (webhook["userMetadata"] is { } metadata && metadata is not JsonObject) return "webhookConfig.userMetadata must be an object.";
        if (webhook["uris"] is not { } urisNode) return null;
        if (urisNode is not JsonArray uris) return "webhookConfig.uris must be an array of URLs.";
        for (var i = 0; i < uris.Count; i++)
        {
            if (StringOrNull(uris[i]) is not { } text || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                return $"webhookConfig.uris[{i}] must be an absolute http(s) URL.";
        }
        return null;
    }

    private static string? ReferenceProblem(JsonNode? node, string path)
    {
        if (node is not JsonObject reference) return $"{path} must be an object {{\"image\":{{...}},\"referenceType\":\"asset\"}}.";
        if (UnknownField(reference, path + ".", ["image", "referenceType"]) is { } unknown) return unknown;
        if (reference["referenceType"] is { } type && !string.Equals(StringOrNull(type), "asset", StringComparison.OrdinalIgnoreCase))
            return $"{path}.referenceType {type.ToJsonString()} is not supported; Veo 3.1 takes \"asset\".";
        return ImageProblem(reference["image"], path + ".image");
    }

    internal static string? ImageProblem(JsonNode? node, string path)
    {
        if (node is not JsonObject image) return $"{path} must be an object {{\"bytesBase64Encoded\",\"mimeType\"}}.";
        if (image.ContainsKey("gcsUri")) return $"{path}.gcsUri is not supported by the Gemini API; send bytesBase64Encoded.";
        if (UnknownField(image, path + ".", ["bytesBase64Encoded", "mimeType"]) is { } unknown) return unknown;
        if (StringOrNull(image["bytesBase64Encoded"]) is not { } data) return $"{path}.bytesBase64Encoded is required.";
        if (StringOrNull(image["mimeType"]) is not { } mimeType) return $"{path}.mimeType is required.";
        try
        {
            return ImageSniffer.Problem(path, Convert.FromBase64String(data), mimeType);
        }
        catch (FormatException)
        {
            return $"{path}.bytesBase64Encoded is not valid base64.";
        }
    }

    internal static string? UnknownField(JsonObject value, string path, string[] known) =>
        value.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k)) is { } name
            ? $"Invalid JSON payload received. Unknown name \"{name}\" at '{path.TrimEnd('.')}': Cannot find field."
            : null;

    internal static string? StringOrNull(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
}

/// <summary>A predictLongRunning body that passed the checks: what to render, and the earlier video it extends, if any.</summary>
internal sealed record GeminiCreate(string Prompt, VideoFixture Fixture, string? ExtendUri);
