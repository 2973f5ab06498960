using System.Globalization;
using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// Google's Interactions API for Gemini Omni's video, as @google/genai 3.6.1 calls it (dist/index.mjs):
/// POST /{v}/interactions, GET and DELETE /{v}/interactions/{id}, POST /{v}/interactions/{id}/cancel, with v "v1" (the
/// SDK's default) or "v1beta"; the key as x-goog-api-key. An Interaction (genai.d.ts) is {id, model, status, created,
/// updated, previous_interaction_id, steps, usage}; once completed its last step is a model_output holding the
/// VideoContent {type "video", mime_type, data | uri}. A uri names a file on this origin, fetched with the key as the
/// Gemini API's files are (files/{id}:download, answered by the Gemini dialect's redirect to the bytes).
/// </summary>
internal static class InteractionsDialect
{
    /// <summary>Where the base64 goes while the answer's JSON is written; the video itself is streamed in its place.</summary>
    private const string VideoPlaceholder = "@@veo-emulator-inline-video@@";

    /// <summary>google.rpc.Code INTERNAL, as a failed step's Status carries it.</summary>
    private const int InternalRpcCode = 13;

    /// <summary>Tokens per second of 720p video output (EvoLink's Omni billing rules: 5,792), scaled by pixels for the usage block.</summary>
    private const int TokensPerSecond720p = 5792;

    public static void Map(RouteTable app, EmulatorState state)
    {
        foreach (var version in new[] { "/v1", "/v1beta" })
        {
            app.MapPost(version + "/interactions", request => Create(request, state));
            app.MapGet(version + "/interactions/{id}", request => Get(request, state, request.Route["id"]));
            app.MapDelete(version + "/interactions/{id}", request => Delete(request, state, request.Route["id"]));
            app.MapPost(version + "/interactions/{id}/cancel", request => Cancel(request, state, request.Route["id"]));
        }
    }

    private static EmulatorResponse Create(EmulatorRequest request, EmulatorState state)
    {
        if (GoogleErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        if (InteractionsRequest.Problem(request.ReadBody.Bytes, state.Tasks, state.Clock.Now, out var model, out var prompt, out var fixture,
                out var order, out var notFound) is { } problem)
            return notFound ? GoogleErrors.NotFound(problem) : GoogleErrors.InvalidArgument(problem);
        var delivery = state.Options.InteractionsDelivery ?? order.Delivery;
        var taskOrder = new TaskOrder(EmulatedApi.Interactions, "v1_" + TaskStore.RandomAlphanumeric(24), model, prompt, fixture)
        {
            Interaction = order with { Delivery = delivery },
            FileId = TaskStore.RandomAlphanumeric(12),
        };
        if (state.CreateWithinQuota(taskOrder, request.PathAndQuery, out var refused) is not { } task) return GoogleErrors.QuotaRefused(refused!);
        // A background create answers as soon as the work is accepted, before any of it is done: queued, no output yet
        // (background: "Whether to run the model interaction in the background", genai.d.ts), whatever the render time.
        return Answer(request, state, task, accepted: true);
    }

    private static EmulatorResponse Get(EmulatorRequest request, EmulatorState state, string id)
    {
        if (GoogleErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        return state.Tasks.Find(EmulatedApi.Interactions, id) is { } task ? Answer(request, state, task) : NotFound(id);
    }

    /// <summary>Only a running interaction can be stopped; cancelling a cancelled one answers it again, a finished one is refused.</summary>
    private static EmulatorResponse Cancel(EmulatorRequest request, EmulatorState state, string id)
    {
        if (GoogleErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        if (state.Tasks.Find(EmulatedApi.Interactions, id) is not { } task) return NotFound(id);
        var now = state.Clock.Now;
        if (!task.Cancel(now) && task.StateAt(now).Phase is var phase && phase != TaskPhase.Cancelled)
            return GoogleErrors.Error(400, "FAILED_PRECONDITION", $"Interaction {id} is {StatusOf(phase)} and can no longer be cancelled.");
        return Answer(request, state, task);
    }

    private static EmulatorResponse Delete(EmulatorRequest request, EmulatorState state, string id)
    {
        if (GoogleErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        return state.Tasks.Remove(EmulatedApi.Interactions, id) ? Wire.Json(new JsonObject()) : NotFound(id);
    }

    private static EmulatorResponse NotFound(string id) => GoogleErrors.NotFound($"Interaction {id} was not found.");

    /// <summary>The Interaction at this instant; a completed one inline carries the video, streamed into its JSON.</summary>
    private static EmulatorResponse Answer(EmulatorRequest request, EmulatorState state, VideoTask task, bool accepted = false)
    {
        var now = state.Clock.Now;
        var at = accepted ? new TaskState(TaskPhase.Queued, 0, task.CreatedAt, false) : task.StateAt(now);
        var body = new JsonObject
        {
            ["id"] = task.Id,
            ["model"] = task.Model,
            ["status"] = StatusOf(at.Phase),
            ["created"] = Iso(task.CreatedAt),
            ["updated"] = Iso(at.ChangedAt),
        };
        if (task.Order.Interaction!.PreviousId is { } previous) body["previous_interaction_id"] = previous;
        var inline = false;
        if (at.Phase == TaskPhase.Completed)
        {
            var video = new JsonObject { ["type"] = "video", ["mime_type"] = "video/mp4" };
            if (task.Order.Interaction.Delivery == "uri") video["uri"] = $"{Wire.BaseUri(request)}v1beta/files/{task.Order.FileId}:download?alt=media";
            else
            {
                video["data"] = VideoPlaceholder;
                inline = true;
            }
            body["steps"] = new JsonArray(new JsonObject { ["type"] = "model_output", ["content"] = new JsonArray(video) });
            var output = (long)TokensPerSecond720p * task.Order.Fixture.Seconds * Pixels(task.Order.Fixture) / (1280 * 720);
            var input = Math.Max(1, task.Order.Prompt.Length / 4);
            body["usage"] = new JsonObject
            {
                ["total_input_tokens"] = input,
                ["total_output_tokens"] = output,
                ["total_tokens"] = input + output,
            };
        }
        else if (at.Phase == TaskPhase.Failed)
        {
            body["steps"] = new JsonArray(new JsonObject
            {
                ["type"] = "model_output",
                ["error"] = new JsonObject { ["code"] = InternalRpcCode, ["message"] = task.Failure!.Message },
            });
        }
        var json = body.ToJsonString(Wire.Options);
        return inline
            ? Responses.Stream(new InlineVideoJson(json, VideoPlaceholder, Wire.VideoStream(state, task.Order.Fixture)), "application/json")
            : Responses.Json(json);
    }

    /// <summary>InteractionStatus_2's words for the emulator's phases.</summary>
    private static string StatusOf(TaskPhase phase) => phase switch
    {
        TaskPhase.Queued => "queued",
        TaskPhase.InProgress => "in_progress",
        TaskPhase.Completed => "completed",
        TaskPhase.Cancelled => "cancelled",
        _ => "failed",
    };

    private static long Pixels(VideoFixture fixture) => fixture.Resolution switch
    {
        VideoResolution.P360 => 640 * 360,
        VideoResolution.P720 => 1280 * 720,
        VideoResolution.P1080 => 1920 * 1080,
        _ => 3840 * 2160,
    };

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
