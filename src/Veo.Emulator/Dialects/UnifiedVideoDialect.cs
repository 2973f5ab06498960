using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// The unified-video dialect (Crazyrouter and its family): JSON create, poll by query string, and a video_url on a
/// CDN path that needs no key (a client must not send it there).
/// </summary>
internal static class UnifiedVideoDialect
{
    public static void Map(RouteTable app, EmulatorState state)
    {
        app.MapPost("/v1/video/create", request => Create(request, state));
        app.MapGet("/v1/video/query", request => Query(request, state, request.Query("id")));
        app.MapGet("/cdn/videos/{id}.mp4", request => Cdn.Serve(state, state.Tasks.Find(EmulatedApi.UnifiedVideo, request.Route["id"])));
    }

    private static EmulatorResponse Create(EmulatorRequest request, EmulatorState state)
    {
        if (NewApiErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;

        var (order, error) = UnifiedVideoRequest.Read(request.ReadBody.Bytes, model => NewId(model, state.Clock.Now), state.Options.AddedGatewayModels);
        if (error is not null) return NewApiErrors.BadRequest(error);
        if (state.Faults.IsRetired(order!.Model)) return NewApiErrors.NoChannel(order.Model);

        if (state.CreateWithinQuota(order!, request.PathAndQuery, out var refused) is not { } task) return NewApiErrors.QuotaRefused(refused!);
        var current = task.StateAt(state.Clock.Now);
        return Answer(request, new JsonObject
        {
            ["id"] = task.Id,
            ["object"] = "video",
            ["model"] = task.Model,
            ["status"] = Status(current.Phase, request),
            ["progress"] = current.Progress,
            ["created_at"] = task.CreatedAt.ToUnixTimeSeconds(),
            ["status_update_time"] = current.ChangedAt.ToUnixTimeMilliseconds(),
            ["detail"] = Detail(task),
        });
    }

    private static EmulatorResponse Query(EmulatorRequest request, EmulatorState state, string? id)
    {
        if (NewApiErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        if (string.IsNullOrWhiteSpace(id)) return NewApiErrors.BadRequest(new FieldError("id", "id is required: GET /v1/video/query?id=<task id>.", "missing_required_parameter"));
        if (state.Tasks.Find(EmulatedApi.UnifiedVideo, id) is not { } task) return NewApiErrors.TaskNotFound();

        var current = task.StateAt(state.Clock.Now);
        var body = new JsonObject
        {
            ["id"] = task.Id,
            ["status"] = Status(current.Phase, request),
            ["video_url"] = current.Phase == TaskPhase.Completed ? $"{Wire.CdnBaseUri(request)}cdn/videos/{task.Id}.mp4" : null,
            ["enhanced_prompt"] = task.Order.Prompt,
            ["status_update_time"] = current.ChangedAt.ToUnixTimeMilliseconds(),
            ["detail"] = Detail(task),
        };
        if (current.Phase == TaskPhase.Failed) body["fail_reason"] = task.Failure!.Message;
        return Answer(request, body);
    }

    /// <summary>Crazyrouter's bare object, or, with the WrappedUnifiedShape fault, the family's {"code","data"} envelope.</summary>
    private static EmulatorResponse Answer(EmulatorRequest request, JsonObject task) =>
        Wire.Json(Wrapped(request) ? new JsonObject { ["code"] = "success", ["message"] = "", ["data"] = task } : task);

    private static bool Wrapped(EmulatorRequest request) => request.Marks.Contains(FaultEffects.WrappedUnified);

    /// <summary>Ids look like the family's: veo3.1-fast:1770350082-abc12.</summary>
    private static string NewId(string model, DateTimeOffset now) =>
        $"{model.Replace("veo-", "veo")}:{now.ToUnixTimeSeconds()}-{TaskStore.RandomAlphanumeric(5)}";

    private static JsonNode Detail(VideoTask task) => task.Order.RequestEcho!.DeepClone();

    /// <summary>Crazyrouter's words; Yunwu-style gateways say "success" for a finished task.</summary>
    private static string Status(TaskPhase phase, EmulatorRequest request) => phase switch
    {
        TaskPhase.Queued => "pending",
        TaskPhase.InProgress => "processing",
        TaskPhase.Completed => Wrapped(request) ? "success" : "completed",
        _ => "failed",
    };
}
