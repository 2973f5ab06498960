using System.Globalization;
using System.Text.Json;
using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Tasks;

namespace Veo.Core.Providers;

/// <summary>
/// Every field of Google's Interactions API that Veo writes or reads, with the type each comes from in @google/genai 3.6.1's
/// dist/genai.d.ts (read 2026-12-06). Create (CreateModelInteraction): {model, background, input, previous_interaction_id,
/// response_format: VideoResponseFormat, generation_config: {video_config: VideoConfig}}. The answer is an Interaction:
/// {id, status: InteractionStatus, created, updated, steps: Step[], errors: ErrorT[], usage: Usage}; the video is the
/// VideoContent {type "video", data (base64) | uri, mime_type} of the last model_output step, as the SDK's own
/// addOutputProperties finds output_video (dist/index.mjs: the last "video" content of the steps after the last user_input).
/// </summary>
internal static class InteractionsWire
{
    /// <summary>VideoContent.data / ImageContent.data: base64, the member streamed past rather than held.</summary>
    public const string InlineData = "data";

    /// <summary>The request's body (CreateModelInteraction, genai.d.ts).</summary>
    public static HttpContent Body(PreparedRequest prepared) => JsonBodies.Object(json =>
    {
        var r = prepared.Request;
        // CreateModelInteraction.model: Model_2, which lists gemini-omni-1.2-flash, gemini-omni-1.1-flash, gemini-omni-flash-preview.
        json.WriteString("model", prepared.Model.Id);
        // CreateModelInteraction.background: "Whether to run the model interaction in the background": the create answers
        // at once with an id to poll, which is what makes the id journaled before any video exists.
        json.WriteBoolean("background", true);
        // An extension continues the interaction that made the source (CreateModelInteraction.previous_interaction_id;
        // Google's Omni guide: stateful editing continues from previous_interaction_id), so the service has its video.
        // An edit names its source the same way: VideoConfig.task "edit" of the interaction that made it (the emulator, as the
        // task's own check says, takes "one video in input, or previous_interaction_id").
        if ((r.Extend ?? r.Edit) is { } source) json.WriteString("previous_interaction_id", source.TaskId);
        // CreateModelInteraction.input: InteractionsInput = Content_2[]: TextContent {type "text", text} and
        // ImageContent {type "image", data (base64), mime_type}.
        json.WriteStartArray("input");
        json.WriteStartObject();
        json.WriteString("type", "text");
        json.WriteString("text", r.Prompt);
        json.WriteEndObject();
        foreach (var image in Images(prepared))
        {
            json.WriteStartObject();
            json.WriteString("type", "image");
            json.WriteString(InlineData, image.ToBase64());
            json.WriteString("mime_type", image.MimeType);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        // VideoResponseFormat_2 {type: "video", aspect_ratio: "16:9"|"9:16", resolution: "360p"|"720p"|"1080p"|"4k",
        // duration: string, delivery: "inline"|"uri"}. The duration is a string of seconds ("8s"), as Google writes durations.
        json.WriteStartObject("response_format");
        json.WriteString("type", "video");
        json.WriteString("aspect_ratio", r.AspectRatio);
        json.WriteString("resolution", r.Resolution);
        // An edit keeps its source's length (Omni 1.2 "edits 3-15 s clips", Vercel AI Gateway's changelog): no duration is asked.
        if (r.Edit is null) json.WriteString("duration", r.DurationSeconds.ToString(CultureInfo.InvariantCulture) + "s");
        // Inline: the finished interaction carries the video, streamed to disk from that one answer (no second origin).
        json.WriteString("delivery", "inline");
        json.WriteEndObject();
        // GenerationConfig_2.video_config: VideoConfig {task: Task}; Task = text_to_video | image_to_video |
        // reference_to_video | edit | extend | upscale. Sent always, so the service never guesses the mode from the inputs.
        json.WriteStartObject("generation_config");
        json.WriteStartObject("video_config");
        json.WriteString("task", TaskOf(r.Mode));
        json.WriteEndObject();
        json.WriteEndObject();
    });

    /// <summary>The Task value for a mode (genai.d.ts Task); the request rules refuse the modes that have none.</summary>
    public static string TaskOf(GenerationMode mode) => mode switch
    {
        GenerationMode.TextToVideo => "text_to_video",
        GenerationMode.ImageToVideo => "image_to_video",
        GenerationMode.ReferenceImages => "reference_to_video",
        GenerationMode.Extension => "extend",
        GenerationMode.Edit => "edit",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "The Interactions API has no task for this mode."),
    };

    private static IEnumerable<ImageFile> Images(PreparedRequest prepared) =>
        (prepared.FirstFrame is { } first ? new[] { first } : Array.Empty<ImageFile>()).Concat(prepared.ReferenceImages);

    /// <summary>
    /// An Interaction as a task. InteractionStatus_2 = in_progress | requires_action | completed | failed | cancelled |
    /// incomplete | budget_exceeded | queued | idle | requires_continuation | (string): each is mapped; a word not in that
    /// list is kept pending, as on the other routes, so a new status never loses a task.
    /// </summary>
    public static VideoTask Read(JsonElement json, string id, VideoTask shell)
    {
        var task = shell with
        {
            Id = json.Str("id") ?? id,
            Model = json.Str("model") ?? shell.Model,
            CreatedAt = Time(json.Str("created")),
        };
        var status = json.Str("status");
        switch (status)
        {
            case "queued":
            case "idle":
                return task with { Status = VideoTaskStatus.Queued };
            case "completed":
                var video = OutputVideo(json);
                if (video is { } v && (v.Str("uri") is { Length: > 0 } || v.Prop(InlineData) is { ValueKind: JsonValueKind.String }))
                {
                    var uri = v.Str("uri") is { Length: > 0 } u ? u : null;
                    return task with { Status = VideoTaskStatus.Completed, Progress = 100, CompletedAt = Time(json.Str("updated")), VideoUrl = uri, VideoCount = 1 };
                }
                return task with { Status = VideoTaskStatus.Failed, ErrorCode = "no_video", Error = ErrorOf(json) ?? "The interaction completed without a video (the safety filters may have blocked it)." };
            case "failed":
                return task with { Status = VideoTaskStatus.Failed, ErrorCode = "failed", Error = ErrorOf(json) ?? "The interaction failed; the service gave no reason." };
            case "cancelled":
                return task with { Status = VideoTaskStatus.Failed, ErrorCode = "cancelled", Error = "The interaction was cancelled (Stop-VeoVideo, or on the service); it has no video." };
            case "incomplete":
                return task with { Status = VideoTaskStatus.Failed, ErrorCode = "incomplete", Error = ErrorOf(json) ?? "The interaction ended incomplete, without a whole video." };
            case "budget_exceeded":
                return task with { Status = VideoTaskStatus.Failed, ErrorCode = "budget_exceeded", Error = ErrorOf(json) ?? "The interaction stopped: its budget was exceeded." };
            case "requires_action":
            case "requires_continuation":
                // A tool call or a continuation token to send back: a new paid create, which Veo never sends unasked.
                return task with { Status = VideoTaskStatus.Failed, ErrorCode = status, Error = $"The interaction stopped with status {status}, which a video request cannot answer; make the video again." };
            default:
                // in_progress, and any word the list does not have yet: still running.
                return task with { Status = VideoTaskStatus.InProgress };
        }
    }

    /// <summary>
    /// The output video: the last VideoContent of the model_output steps (ModelOutputStep {type "model_output", content,
    /// error}) after the last user_input step, as @google/genai's addOutputProperties reads it.
    /// </summary>
    public static JsonElement? OutputVideo(JsonElement json)
    {
        if (json.Prop("steps") is not { ValueKind: JsonValueKind.Array } steps) return null;
        JsonElement? found = null;
        foreach (var step in steps.EnumerateArray())
        {
            if (step.ValueKind != JsonValueKind.Object) continue;
            if (step.Str("type") == "user_input") found = null;
            if (step.Str("type") != "model_output" || step.Prop("content") is not { ValueKind: JsonValueKind.Array } content) continue;
            foreach (var item in content.EnumerateArray())
                if (item.ValueKind == JsonValueKind.Object && item.Str("type") == "video") found = item;
        }
        return found;
    }

    /// <summary>
    /// Which "data" member, counted in document order as <see cref="InlineBase64Field"/> counts them, holds the output
    /// video; null when it is not inline. Input images echoed in user_input steps come first and are not the video.
    /// </summary>
    public static int? InlineOccurrence(JsonElement json)
    {
        var video = OutputVideo(json);
        if (video is not { } v || v.Prop(InlineData) is not { ValueKind: JsonValueKind.String }) return null;
        var index = 0;
        int? found = null;
        Walk(json);
        return found;

        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray()) Walk(item);
                return;
            }
            if (e.ValueKind != JsonValueKind.Object) return;
            foreach (var property in e.EnumerateObject())
            {
                if (property.Name == InlineData && property.Value.ValueKind == JsonValueKind.String)
                {
                    if (SameObject(e, v)) found = index;
                    index++;
                }
                else Walk(property.Value);
            }
        }
    }

    // JsonElements of one document are the same value when they start at the same place; GetRawText is that place's text.
    private static bool SameObject(JsonElement a, JsonElement b) => a.GetRawText() == b.GetRawText() && a.Str("type") == "video";

    /// <summary>Interaction.errors: ErrorT {code, message}; else the ModelOutputStep's error: Status {code, message, details}.</summary>
    private static string? ErrorOf(JsonElement json)
    {
        if (json.Prop("errors") is { ValueKind: JsonValueKind.Array } errors)
            foreach (var error in errors.EnumerateArray())
                if (error.ValueKind == JsonValueKind.Object && error.Str("message") is { Length: > 0 } message) return message;
        if (json.Prop("steps") is { ValueKind: JsonValueKind.Array } steps)
            foreach (var step in steps.EnumerateArray())
                if (step.ValueKind == JsonValueKind.Object && step.Prop("error") is { ValueKind: JsonValueKind.Object } error && error.Str("message") is { Length: > 0 } message)
                    return message;
        return null;
    }

    /// <summary>Interaction.created / updated: ISO 8601 (YYYY-MM-DDThh:mm:ssZ).</summary>
    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
