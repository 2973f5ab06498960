using System.Text.Json;
using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// Reads and checks the JSON create request of the unified-video dialect (Crazyrouter and its family).
/// Images are URLs the gateway would fetch; data: URIs are accepted too, decoded and judged by their bytes.
/// </summary>
internal static class UnifiedVideoRequest
{
    public static readonly string[] Models = ["veo-3.1-fast", "veo-3.1"];

    private const int MaxImages = 2;

    /// <param name="added">Ids the gateway serves beyond its own (<see cref="EmulatorOptions.AddedGatewayModels"/>).</param>
    public static (TaskOrder? Order, FieldError? Error) Read(byte[] body, Func<string, string> newId, IReadOnlyCollection<string>? added = null)
    {
        JsonObject? request;
        try
        {
            request = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }
        if (request is null) return (null, new FieldError(null, "The body must be a JSON object.", "invalid_request"));

        var error = ReadFields(request, Models.Concat(added ?? Array.Empty<string>()).ToList(), out var model, out var prompt, out var fixture);
        if (error is not null) return (null, error);
        return (new TaskOrder(EmulatedApi.UnifiedVideo, newId(model), model, prompt, fixture) { RequestEcho = Echo(request) }, null);
    }

    private static FieldError? ReadFields(JsonObject request, IReadOnlyList<string> served, out string model, out string prompt, out VideoFixture fixture)
    {
        fixture = VideoFixture.Default;
        prompt = "";
        if (ReadString(request, "model", out var modelText) is { } modelError)
        {
            model = "";
            return modelError;
        }
        model = modelText?.Trim() ?? "";
        if (model.Length == 0) return Missing("model");
        if (!served.Contains(model)) return new("model", $"Model '{model}' is not available on /v1/video/create; use {string.Join(" or ", served)}.");

        if (ReadString(request, "prompt", out var promptText) is { } promptError) return promptError;
        prompt = promptText ?? "";
        if (string.IsNullOrWhiteSpace(prompt)) return Missing("prompt");

        if (ReadString(request, "aspect_ratio", out var aspectText) is { } aspectError) return aspectError;
        var aspect = VeoRules.ParseAspectRatio(aspectText);
        if (aspectText is not null && aspect is null) return new("aspect_ratio", $"aspect_ratio '{aspectText}' is not supported; use 16:9 or 9:16.");

        if (ReadString(request, "orientation", out var orientationText) is { } orientationError) return orientationError;
        Orientation? orientation = orientationText?.Trim().ToLowerInvariant() switch
        {
            "landscape" => Orientation.Landscape,
            "portrait" => Orientation.Portrait,
            _ => null,
        };
        if (orientationText is not null && orientation is null)
            return new("orientation", $"orientation '{orientationText}' is not supported; use landscape or portrait.");
        if (aspect is { } a1 && orientation is { } o1 && a1 != o1)
            return new("orientation", $"orientation {orientationText} contradicts aspect_ratio {aspectText}.");

        if (ReadString(request, "size", out var sizeText) is { } sizeError) return sizeError;
        var (sizeOrientation, resolution) = ParseSize(sizeText);
        if (sizeText is not null && resolution is null)
            return new("size", $"size '{sizeText}' is not supported; use 720P, 1080P or 4K (or 1280x720-style sizes).");
        if (sizeOrientation is { } so && (aspect ?? orientation) is { } wanted && so != wanted)
            return new("size", $"size {sizeText} contradicts the {VeoRules.AspectRatio(wanted)} aspect ratio asked for.");

        if (ReadDuration(request, out var seconds) is { } durationError) return durationError;
        var finalResolution = resolution ?? VideoResolution.P720;
        if (VeoRules.NeedsEightSeconds(finalResolution) && seconds != 8)
            return new("duration", $"{VeoRules.Name(finalResolution)} is only rendered as 8-second videos; set duration to 8.");

        foreach (var flag in new[] { "enhance_prompt", "enable_upsample" })
        {
            if (request[flag] is { } value && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                return new(flag, $"{flag} must be true or false.");
        }

        if (ReadImages(request) is { } imageError) return imageError;

        fixture = new VideoFixture(sizeOrientation ?? aspect ?? orientation ?? Orientation.Landscape, finalResolution) { Seconds = seconds };
        return null;
    }

    private static (Orientation?, VideoResolution?) ParseSize(string? text)
    {
        if (text is null) return (null, null);
        if (VeoRules.ParseSize(text) is { } size) return size;
        // Crazyrouter writes "720P"; a bare resolution leaves the orientation to aspect_ratio.
        return (null, VeoRules.ParseResolution(text));
    }

    private static FieldError? ReadDuration(JsonObject request, out int seconds)
    {
        seconds = VeoRules.DefaultSeconds;
        if (request["duration"] is not { } node) return null;
        var valid = node.GetValueKind() switch
        {
            JsonValueKind.Number => node.AsValue().TryGetValue<int>(out seconds),
            JsonValueKind.String => int.TryParse(node.GetValue<string>().Trim(), out seconds),
            _ => false,
        };
        return valid && VeoRules.Durations.Contains(seconds) ? null : new("duration", $"duration {node.ToJsonString()} is not supported; use 4, 6 or 8.");
    }

    private static FieldError? ReadImages(JsonObject request)
    {
        if (request["images"] is not { } node) return null;
        if (node is not JsonArray images) return new("images", "images must be an array of image URLs.");
        if (images.Count > MaxImages)
            return new("images", $"images takes at most {MaxImages} URLs (first frame, then last frame); {images.Count} were sent.");

        for (var i = 0; i < images.Count; i++)
        {
            var field = $"images[{i}]";
            if (images[i]?.GetValueKind() != JsonValueKind.String) return new("images", $"{field} must be a URL string.");
            if (ImageUrlProblem(field, images[i]!.GetValue<string>()) is { } problem) return new("images", problem);
        }
        return null;
    }

    private static string? ImageUrlProblem(string field, string url)
    {
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = url.IndexOf(',');
            var header = comma < 0 ? "" : url[5..comma];
            if (!header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
                return $"{field} is a data URI without base64 data; use data:image/png;base64,<data>.";
            try
            {
                return ImageSniffer.Problem(field, Convert.FromBase64String(url[(comma + 1)..]), header[..^";base64".Length]);
            }
            catch (FormatException)
            {
                return $"{field} holds data that is not valid base64.";
            }
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"{field} must be an http(s) URL the gateway can fetch, or a data:image/...;base64 URI.";
    }

    private static FieldError? ReadString(JsonObject request, string field, out string? value)
    {
        value = null;
        if (request[field] is not { } node) return null;
        if (node.GetValueKind() != JsonValueKind.String) return new(field, $"{field} must be a string.");
        value = node.GetValue<string>();
        return null;
    }

    /// <summary>The request as the task's detail echoes it; data URIs are shortened so polls stay small.</summary>
    private static JsonObject Echo(JsonObject request)
    {
        var echo = (JsonObject)request.DeepClone();
        if (echo["images"] is JsonArray images)
        {
            for (var i = 0; i < images.Count; i++)
            {
                if (images[i]?.GetValue<string>() is { } url && url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                    images[i] = $"{url[..url.IndexOf(',')]},...({url.Length} chars)";
            }
        }
        return echo;
    }

    private static FieldError Missing(string field) => new(field, $"{field} is required.", "missing_required_parameter");
}
