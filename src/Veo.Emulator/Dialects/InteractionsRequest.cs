using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>What an accepted create asks for, beyond the fixture: how to deliver it and what it continues.</summary>
internal sealed record InteractionOrder(string Delivery, string Task, string? PreviousId);

/// <summary>
/// Reads and checks a create (CreateModelInteraction in @google/genai 3.6.1's dist/genai.d.ts) for Gemini Omni's video:
/// {model, input, background, previous_interaction_id, response_format: {type "video", aspect_ratio, resolution, duration
/// "Ns", delivery}, generation_config: {video_config: {task}}}. An unknown member is refused naming it, as Google's JSON
/// parser does ("Unknown name ... Cannot find field."); the Omni limits are those the Veo module's Google route cites.
/// </summary>
internal static class InteractionsRequest
{
    /// <summary>Model_2's Omni ids, with the longest video each makes and the most reference images it takes.</summary>
    public static readonly IReadOnlyDictionary<string, (int MaxSeconds, int MaxReferences)> Models = new Dictionary<string, (int, int)>
    {
        ["gemini-omni-1.2-flash"] = (15, 6),
        ["gemini-omni-1.1-flash"] = (10, 5),
    };

    public const int MinSeconds = 3;
    public const int DefaultSeconds = 8;
    public const int ExtendMin = 3;
    public const int ExtendMax = 10;
    public const int ExtendedMaxTotal = 30;

    /// <summary>CreateModelInteraction's members; the ones a video ignores are taken, as the service takes them.</summary>
    private static readonly string[] TopLevel =
    [
        "model", "input", "background", "store", "stream", "previous_interaction_id", "response_format", "generation_config",
        "system_instruction", "tools", "safety_settings", "labels", "webhook_config", "service_tier", "response_modalities",
        "response_mime_type", "continuation_token", "environment",
    ];

    /// <summary>VideoResponseFormat_2's members.</summary>
    private static readonly string[] FormatFields = ["type", "aspect_ratio", "resolution", "duration", "delivery", "gcs_uri"];

    /// <summary>GenerationConfig_2's members.</summary>
    private static readonly string[] ConfigFields =
    [
        "image_config", "max_output_tokens", "seed", "speech_config", "stop_sequences", "temperature", "thinking_level",
        "thinking_summaries", "tool_choice", "top_p", "transcription_config", "video_config",
    ];

    /// <summary>genai.d.ts Task.</summary>
    private static readonly string[] Tasks = ["text_to_video", "image_to_video", "reference_to_video", "edit", "extend", "upscale"];

    /// <summary>Null when acceptable; otherwise the INVALID_ARGUMENT message, or (with <paramref name="notFound"/>) NOT_FOUND's.</summary>
    public static string? Problem(byte[] body, TaskStore tasks, DateTimeOffset now, out string model, out string prompt, out VideoFixture fixture,
        out InteractionOrder order, out bool notFound)
    {
        model = "";
        prompt = "";
        fixture = VideoFixture.Default;
        order = new InteractionOrder("inline", "text_to_video", null);
        notFound = false;
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
        if (Unknown(request, "", TopLevel) is { } unknown) return unknown;
        model = Str(request["model"]) ?? "";
        if (model.Length == 0) return "model is required.";
        if (!Models.TryGetValue(model, out var limits))
        {
            notFound = true;
            return $"models/{model} is not found for API version v1, or is not supported for video generation.";
        }
        if (request["stream"] is { } stream && stream.GetValueKind() == JsonValueKind.True)
            return "stream: the emulator answers video interactions by polling; send background: true instead.";

        var (texts, images, videos, inputProblem) = ReadInput(request["input"]);
        if (inputProblem is not null) return inputProblem;
        prompt = string.Join("\n", texts);

        if (FormatOf(request["response_format"], out var format) is { } formatProblem) return formatProblem;
        if (Unknown(format, "response_format.", FormatFields) is { } unknownFormat) return unknownFormat;
        if (Str(format["type"]) is { } type && type != "video") return $"response_format.type '{type}' is not video; Gemini Omni answers video.";
        var orientation = VeoRules.ParseAspectRatio(Str(format["aspect_ratio"]) ?? "16:9");
        if (orientation is null) return $"response_format.aspect_ratio '{Str(format["aspect_ratio"])}' is not supported; use 16:9 or 9:16.";
        var resolution = ParseResolution(Str(format["resolution"]) ?? "720p");
        if (resolution is null) return $"response_format.resolution '{Str(format["resolution"])}' is not supported; use 360p, 720p, 1080p or 4k.";
        var delivery = Str(format["delivery"]) ?? "inline";
        if (delivery is not ("inline" or "uri")) return $"response_format.delivery '{delivery}' is not supported; use inline or uri.";
        // VideoResponseFormat.gcs_uri: "Required for Vertex if delivery mode is URI"; the Gemini API has no bucket to write to.
        if (format["gcs_uri"] is not null) return "response_format.gcs_uri is only supported on Vertex AI (Gemini Enterprise Agent Platform).";

        if (request["generation_config"] is { } configNode && configNode is not JsonObject) return "generation_config must be an object.";
        var config = request["generation_config"] as JsonObject ?? [];
        if (Unknown(config, "generation_config.", ConfigFields) is { } unknownConfig) return unknownConfig;
        var videoConfig = config["video_config"] as JsonObject ?? [];
        if (Unknown(videoConfig, "generation_config.video_config.", ["task"]) is { } unknownVideo) return unknownVideo;
        var previous = Str(request["previous_interaction_id"]);
        var task = Str(videoConfig["task"])
                   ?? (previous is not null ? "extend" : videos > 0 ? "edit" : images == 0 ? "text_to_video" : images == 1 ? "image_to_video" : "reference_to_video");
        if (!Tasks.Contains(task)) return $"generation_config.video_config.task '{task}' is not one of {string.Join(", ", Tasks)}.";

        var seconds = DefaultSeconds;
        if (format["duration"] is { } durationNode && DurationProblem(durationNode, out seconds) is { } durationProblem) return durationProblem;

        var modeProblem = task switch
        {
            "text_to_video" when images > 0 || videos > 0 => "generation_config.video_config.task text_to_video takes no image or video input; use image_to_video or reference_to_video.",
            "image_to_video" when images != 1 => $"generation_config.video_config.task image_to_video takes exactly one image; {images} were given.",
            "reference_to_video" when images < 1 => "generation_config.video_config.task reference_to_video needs at least one image in input.",
            "reference_to_video" when images > limits.MaxReferences => $"input holds {images} images; {model} takes at most {limits.MaxReferences} reference images.",
            "edit" when videos != 1 && previous is null => "generation_config.video_config.task edit needs the video to edit: one video in input, or previous_interaction_id.",
            "extend" when previous is null && videos != 1 => "generation_config.video_config.task extend needs previous_interaction_id (or the video in input).",
            "upscale" => "generation_config.video_config.task upscale is not emulated.",
            _ => null,
        };
        if (modeProblem is not null) return modeProblem;

        if (task == "extend")
        {
            if (seconds is < ExtendMin or > ExtendMax) return $"response_format.duration {seconds}s: an extension adds {ExtendMin}s to {ExtendMax}s.";
            var source = previous is null ? null : tasks.Find(EmulatedApi.Interactions, previous);
            if (previous is not null && source is null)
            {
                notFound = true;
                return $"Interaction {previous} was not found.";
            }
            if (source is not null)
            {
                if (source.StateAt(now).Phase != TaskPhase.Completed) return $"previous_interaction_id {previous} has not completed with a video.";
                var total = source.Order.Fixture.Seconds + seconds;
                if (total > ExtendedMaxTotal)
                    return $"response_format.duration {seconds}s would make the video {total}s; an extended video lasts at most {ExtendedMaxTotal}s.";
                // An extension keeps the source's shape; its length is the source's and the seconds added.
                fixture = new VideoFixture(source.Order.Fixture.Orientation, resolution.Value) { Seconds = total };
                order = new InteractionOrder(delivery, task, previous);
                return null;
            }
        }
        else if (task == "edit" && previous is not null)
        {
            var source = tasks.Find(EmulatedApi.Interactions, previous);
            if (source is null)
            {
                notFound = true;
                return $"Interaction {previous} was not found.";
            }
            if (source.StateAt(now).Phase != TaskPhase.Completed) return $"previous_interaction_id {previous} has not completed with a video.";
            var length = source.Order.Fixture.Seconds;
            // Omni 1.2 "edits 3-15 s clips" (Vercel AI Gateway's changelog): the model's own range of lengths.
            if (length < MinSeconds || length > limits.MaxSeconds)
                return $"previous_interaction_id {previous} is a {length}s video; {model} edits videos of {MinSeconds}s to {limits.MaxSeconds}s.";
            // An edit changes what is in the video, not its length or shape; the resolution is the one asked.
            fixture = new VideoFixture(source.Order.Fixture.Orientation, resolution.Value) { Seconds = length };
            order = new InteractionOrder(delivery, task, previous);
            return null;
        }
        else if (seconds < MinSeconds || seconds > limits.MaxSeconds)
            return $"response_format.duration {seconds}s is not supported by {model}; use {MinSeconds}s to {limits.MaxSeconds}s.";

        fixture = new VideoFixture(orientation.Value, resolution.Value) { Seconds = seconds };
        order = new InteractionOrder(delivery, task, previous);
        return null;
    }

    /// <summary>InteractionsInput = string | Content_2 | Content_2[] (| Step[]): text, image and video blocks are counted.</summary>
    private static (List<string> Texts, int Images, int Videos, string? Problem) ReadInput(JsonNode? input)
    {
        var texts = new List<string>();
        int images = 0, videos = 0;
        if (input is null) return (texts, 0, 0, "input is required.");
        if (input.GetValueKind() == JsonValueKind.String)
        {
            texts.Add(input.GetValue<string>());
            return (texts, 0, 0, null);
        }
        var blocks = input is JsonArray array ? array.ToList() : [input];
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not JsonObject block) return (texts, images, videos, $"input[{i}] must be an object.");
            var where = $"input[{i}]";
            switch (Str(block["type"]))
            {
                case "text":
                    if (Unknown(block, where + ".", ["type", "text", "annotations"]) is { } t) return (texts, images, videos, t);
                    texts.Add(Str(block["text"]) ?? "");
                    break;
                case "image":
                    if (Unknown(block, where + ".", ["type", "data", "mime_type", "uri", "resolution"]) is { } im) return (texts, images, videos, im);
                    if (MediaProblem(block, where, bytes => ImageSniffer.Sniff(bytes)) is { } imageProblem) return (texts, images, videos, imageProblem);
                    images++;
                    break;
                case "video":
                    if (Unknown(block, where + ".", ["type", "data", "mime_type", "uri", "name", "processing", "resolution"]) is { } v) return (texts, images, videos, v);
                    videos++;
                    break;
                case var other:
                    return (texts, images, videos, $"{where}.type '{other}' is not an input Gemini Omni takes for video (text, image or video).");
            }
        }
        if (texts.All(string.IsNullOrWhiteSpace) && images == 0 && videos == 0) return (texts, images, videos, "input holds no text, image or video.");
        return (texts, images, videos, null);
    }

    /// <summary>An image block carries data (base64) with its mime_type, or a uri; the bytes must be the type they claim.</summary>
    private static string? MediaProblem(JsonObject block, string where, Func<byte[], string?> sniff)
    {
        var data = Str(block["data"]);
        if (data is null) return Str(block["uri"]) is null ? $"{where} needs data (base64) or uri." : null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            return $"{where}.data is not valid base64.";
        }
        var mime = Str(block["mime_type"]);
        if (mime is null) return $"{where}.mime_type is required with data.";
        var actual = sniff(bytes);
        return actual is null ? $"{where}.data is not an image." : actual != mime ? $"{where}.mime_type {mime} does not match the data ({actual})." : null;
    }

    private static string? FormatOf(JsonNode? node, out JsonObject format)
    {
        format = [];
        if (node is null) return null;
        if (node is JsonObject one) format = one;
        else if (node is JsonArray array)
        {
            var video = array.OfType<JsonObject>().FirstOrDefault(f => Str(f["type"]) == "video");
            if (video is null) return "response_format holds no format of type video.";
            format = video;
        }
        else return "response_format must be an object or an array of objects.";
        return null;
    }

    /// <summary>VideoResponseFormat.duration is a string ("8s"), as Google writes durations.</summary>
    private static string? DurationProblem(JsonNode node, out int seconds)
    {
        seconds = 0;
        var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
        if (text is null || !text.EndsWith("s", StringComparison.Ordinal)
            || !int.TryParse(text.Substring(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
            return $"response_format.duration must be a string of whole seconds such as \"8s\"; {node.ToJsonString()} was given.";
        return null;
    }

    public static VideoResolution? ParseResolution(string text) => text == "360p" ? VideoResolution.P360 : VeoRules.ParseResolution(text) is { } r && text == VeoRules.Name(r) ? r : null;

    private static string? Unknown(JsonObject obj, string prefix, string[] known) =>
        obj.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k)) is { } name
            ? $"Invalid JSON payload received. Unknown name \"{name}\" at '{prefix.TrimEnd('.')}': Cannot find field."
            : null;

    private static string? Str(JsonNode? node) => node is not null && node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
}
