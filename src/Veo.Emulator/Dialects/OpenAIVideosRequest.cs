using System.Text.Json;

namespace Veo.Emulator;

/// <summary>
/// Reads and checks the multipart create request of the OpenAI-Videos dialect, field by field as the LaoZhang
/// document names them. Every refusal names the field (param) and says what to change.
/// </summary>
internal static class OpenAIVideosRequest
{
    public static readonly string[] Models = ["veo-3.1-fast-generate-preview", "veo-3.1-generate-preview"];

    private static readonly string[] LegacyModels = ["veo-3.1", "veo-3.1-fast", "veo-3.1-fl"];
    private const string FirstFrameField = "input_reference";
    private static readonly string[] LastFrameFields = ["last_frame", "lastFrame"];
    private static readonly string[] ReferenceFields = ["referenceImages", "reference_image", "reference_images"];
    private static readonly string[] ReferenceTypeFields = ["referenceType", "reference_type"];

    public static (TaskOrder? Order, FieldError? Error) Read(RequestBody body, string id)
    {
        if (body.Parts is not { } parts)
        {
            return (null, new FieldError(null, body.MalformedMultipart
                ? "The multipart/form-data body could not be read."
                : "Send the create request as multipart/form-data.", "invalid_request"));
        }

        var form = new Form(parts);
        var error = ReadForm(form, out var model, out var prompt, out var fixture);
        return error is null ? (new TaskOrder(EmulatedApi.OpenAIVideos, id, model, prompt, fixture), null) : (null, error);
    }

    private static FieldError? ReadForm(Form form, out string model, out string prompt, out VideoFixture fixture)
    {
        model = form.Text("model")?.Trim() ?? "";
        prompt = form.Text("prompt") ?? "";
        fixture = VideoFixture.Default;

        if (form.Has("generateAudio"))
            return new("generateAudio", "generateAudio is not supported: audio is always generated. Describe the sound in the prompt.", "INVALID_ARGUMENT");
        if (form.Has("video"))
            return new("video", "Video extension is not supported on this route; do not pass video.");

        if (model.Length == 0) return Missing("model");
        if (LegacyModels.Contains(model))
            return new("model", $"'{model}' is a legacy model name; the official-forward route takes {string.Join(" or ", Models)}.");
        if (!Models.Contains(model))
            return new("model", $"Model '{model}' is not available on /v1/videos; use {string.Join(" or ", Models)}.");
        if (string.IsNullOrWhiteSpace(prompt)) return Missing("prompt");

        if (ReadSeconds(form, "seconds", out var seconds) is { } secondsError) return secondsError;
        if (ReadSeconds(form, "duration", out var duration) is { } durationError) return durationError;
        if (seconds is not null && duration is not null && seconds != duration)
            return new("duration", $"duration ({duration}) must equal seconds ({seconds}).");
        var length = seconds ?? duration ?? VeoRules.DefaultSeconds;
        var lengthField = seconds is not null ? "seconds" : "duration";

        var sizeText = form.Text("size");
        var size = VeoRules.ParseSize(sizeText);
        if (sizeText is not null && size is null)
            return new("size", $"size '{sizeText}' is not supported; use 1280x720, 720x1280, 1920x1080, 1080x1920, 3840x2160 or 2160x3840.");

        var resolutionText = form.Text("resolution");
        var resolution = VeoRules.ParseResolution(resolutionText);
        if (resolutionText is not null && resolution is null)
            return new("resolution", $"resolution '{resolutionText}' is not supported; use 720p, 1080p or 4k.");
        if (size is { } s1 && resolution is { } r1 && s1.Item2 != r1)
            return new("resolution", $"resolution {resolutionText} does not match size {sizeText}, which is {VeoRules.Name(s1.Item2)}.");

        var aspectText = form.Text("aspectRatio");
        var aspect = VeoRules.ParseAspectRatio(aspectText);
        if (aspectText is not null && aspect is null)
            return new("aspectRatio", $"aspectRatio '{aspectText}' is not supported; use 16:9 or 9:16.");
        if (size is { } s2 && aspect is { } a2 && s2.Item1 != a2)
            return new("aspectRatio", $"aspectRatio {aspectText} does not match size {sizeText}, which is {VeoRules.AspectRatio(s2.Item1)}.");

        var finalResolution = resolution ?? size?.Item2 ?? VideoResolution.P720;
        if (VeoRules.NeedsEightSeconds(finalResolution) && length != 8)
            return new(lengthField, $"{VeoRules.Name(finalResolution)} is only rendered as 8-second videos; set {lengthField} to 8.");

        var metadataText = form.Text("metadata");
        JsonElement? metadata = null;
        if (metadataText is not null)
        {
            metadata = ParseObject(metadataText);
            if (metadata is null)
                return new("metadata", "metadata must be a JSON object string, e.g. {\"durationSeconds\":8,\"resolution\":\"4k\",\"aspectRatio\":\"16:9\"}.");
        }

        var seedText = form.Text("seed");
        if (seedText is not null && !uint.TryParse(seedText.Trim(), out _))
            return new("seed", $"seed '{seedText}' must be a non-negative integer (at most 4294967295).");

        if (ReadImages(form, length, lengthField) is { } imageError) return imageError;

        // The documented trap: without metadata.resolution=4k the upstream renders 1080p.
        var native4K = metadata is { } m && m.TryGetProperty("resolution", out var r) && r.ValueKind == JsonValueKind.String
                       && string.Equals(r.GetString(), "4k", StringComparison.OrdinalIgnoreCase);
        var served = finalResolution == VideoResolution.K4 && !native4K ? VideoResolution.P1080 : finalResolution;
        fixture = new VideoFixture(size?.Item1 ?? aspect ?? Orientation.Landscape, served) { Seconds = length };
        return null;
    }

    private static FieldError? ReadImages(Form form, int length, string lengthField)
    {
        foreach (var field in ReferenceFields.Append(FirstFrameField).Concat(LastFrameFields))
        {
            if (form.TextParts(field).Any())
                return new(field, $"{field} must be uploaded as an image file (multipart file part), not as a URL or text.");
        }

        var first = form.Files(FirstFrameField).ToList();
        var lastField = LastFrameFields.FirstOrDefault(f => form.Files(f).Any());
        var last = LastFrameFields.SelectMany(form.Files).ToList();
        var referenceField = ReferenceFields.FirstOrDefault(f => form.Files(f).Any()) ?? "referenceImages";
        var references = ReferenceFields.SelectMany(form.Files).ToList();
        var hasNegativePrompt = !string.IsNullOrWhiteSpace(form.Text("negativePrompt"));

        if (first.Count > 1) return new(FirstFrameField, "input_reference takes a single image.");
        if (last.Count > 1) return new(lastField, $"{lastField} takes a single image.");
        if (last.Count == 1 && first.Count == 0)
            return new(lastField, $"{lastField} needs a first frame: upload input_reference too.");
        if (references.Count > VeoRules.MaxReferenceImages)
            return new(referenceField, $"At most {VeoRules.MaxReferenceImages} reference images are accepted; {references.Count} were sent.");
        if (references.Count > 0 && first.Count > 0)
            return new(referenceField, "Reference images cannot be combined with input_reference or last_frame; use one mode.");
        if (hasNegativePrompt && (last.Count > 0 || references.Count > 0))
            return new("negativePrompt", "negativePrompt is not supported with first/last-frame or reference-image requests; remove it.");
        if (references.Count > 0 && length != 8)
            return new(lengthField, $"Reference-image requests are only rendered as 8-second videos; set {lengthField} to 8.");

        foreach (var typeField in ReferenceTypeFields)
        {
            if (form.Text(typeField) is { } type && !type.Trim().Equals("asset", StringComparison.OrdinalIgnoreCase))
                return new(typeField, $"{typeField} '{type}' is not supported; Veo 3.1 takes asset.");
        }

        foreach (var image in first.Concat(last).Concat(references))
        {
            if (ImageSniffer.Problem(image.Name, image.Content, image.ContentType) is { } problem) return new(image.Name, problem);
        }
        return null;
    }

    private static FieldError? ReadSeconds(Form form, string field, out int? value)
    {
        value = null;
        if (form.Text(field) is not { } text) return null;
        if (!int.TryParse(text.Trim(), out var parsed) || !VeoRules.Durations.Contains(parsed))
            return new(field, $"{field} '{text}' is not supported; use \"4\", \"6\" or \"8\".");
        value = parsed;
        return null;
    }

    private static JsonElement? ParseObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static FieldError Missing(string field) => new(field, $"{field} is required.", "missing_required_parameter");

    /// <summary>The parts of one request, by name.</summary>
    private sealed class Form(IReadOnlyList<FormPart> parts)
    {
        public bool Has(string name) => parts.Any(p => p.Name == name);

        public string? Text(string name) => TextParts(name).FirstOrDefault()?.Text;

        public IEnumerable<FormPart> TextParts(string name) => parts.Where(p => p.Name == name && !p.IsFile);

        public IEnumerable<FormPart> Files(string name) => parts.Where(p => p.Name == name && p.IsFile);
    }
}
