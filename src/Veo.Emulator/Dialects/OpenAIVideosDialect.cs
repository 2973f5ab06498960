using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// The OpenAI-Videos dialect as LaoZhang serves Veo 3.1: multipart create, task polling (also on the older
/// /v1/video/generations path) and MP4 bytes from /content, which lags a little behind "completed".
/// </summary>
internal static class OpenAIVideosDialect
{
    public static void Map(RouteTable app, EmulatorState state)
    {
        app.MapPost("/v1/videos", request => Create(request, state));
        app.MapGet("/v1/videos/{id}", request => Poll(request, state, request.Route["id"]));
        app.MapGet("/v1/video/generations/{id}", request => CompatPoll(request, state, request.Route["id"]));
        app.MapGet("/v1/videos/{id}/content", request => Content(request, state, request.Route["id"]));
    }

    private static EmulatorResponse Create(EmulatorRequest request, EmulatorState state)
    {
        if (NewApiErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;

        var id = "task_" + TaskStore.RandomAlphanumeric(32);
        var (order, error) = OpenAIVideosRequest.Read(request.ReadBody, id);
        if (error is not null) return NewApiErrors.BadRequest(error);
        if (state.Faults.IsRetired(order!.Model)) return NewApiErrors.NoChannel(order.Model);

        if (state.CreateWithinQuota(order!, request.PathAndQuery, out var refused) is not { } task) return NewApiErrors.QuotaRefused(refused!);
        var current = task.StateAt(state.Clock.Now);
        return Wire.Json(new JsonObject
        {
            ["id"] = task.Id,
            ["task_id"] = task.Id,
            ["object"] = "video",
            ["model"] = task.Model,
            ["status"] = Status(current.Phase),
            ["progress"] = current.Progress,
            ["created_at"] = task.CreatedAt.ToUnixTimeSeconds(),
        });
    }

    private static EmulatorResponse Poll(EmulatorRequest request, EmulatorState state, string id)
    {
        if (NewApiErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        if (state.Tasks.Find(EmulatedApi.OpenAIVideos, id) is not { } task) return NewApiErrors.TaskNotFound();

        var current = task.StateAt(state.Clock.Now);
        var body = new JsonObject
        {
            ["id"] = task.Id,
            ["object"] = "video",
            ["model"] = task.Model,
            ["status"] = Status(current.Phase),
            ["progress"] = current.Progress,
            ["created_at"] = task.CreatedAt.ToUnixTimeSeconds(),
        };
        if (current.Phase == TaskPhase.Completed) body["completed_at"] = task.FinishedAt.ToUnixTimeSeconds();
        if (current.Phase == TaskPhase.Failed)
            body["error"] = new JsonObject { ["code"] = "video_generation_failed", ["message"] = task.Failure!.Message };
        return Wire.Json(body);
    }

    /// <summary>
    /// The older task path: as LaoZhang documents it, the same object as /v1/videos/{id}; with the StockNewApiTaskShape
    /// fault, as stock new-api answers it (relay/relay_task.go with dto/task.go's TaskDto):
    /// {"code":"success","message":"","data":{"task_id","status":"NOT_START|IN_PROGRESS|SUCCESS|FAILURE","progress":"40%","fail_reason"}}.
    /// </summary>
    private static EmulatorResponse CompatPoll(EmulatorRequest request, EmulatorState state, string id)
    {
        if (NewApiErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        if (!request.Marks.Contains(FaultEffects.StockNewApiShape)) return Poll(request, state, id);
        if (state.Tasks.Find(EmulatedApi.OpenAIVideos, id) is not { } task) return NewApiErrors.TaskNotFound();

        var current = task.StateAt(state.Clock.Now);
        var data = new JsonObject
        {
            ["task_id"] = task.Id,
            ["action"] = "generate",
            ["status"] = current.Phase switch
            {
                TaskPhase.Queued => "NOT_START",
                TaskPhase.InProgress => "IN_PROGRESS",
                TaskPhase.Completed => "SUCCESS",
                _ => "FAILURE",
            },
            ["progress"] = $"{current.Progress}%",
            ["fail_reason"] = current.Phase == TaskPhase.Failed ? task.Failure!.Message : "",
            ["submit_time"] = task.CreatedAt.ToUnixTimeSeconds(),
            ["finish_time"] = current.Phase is TaskPhase.Completed or TaskPhase.Failed ? task.FinishedAt.ToUnixTimeSeconds() : 0,
        };
        return Wire.Json(new JsonObject { ["code"] = "success", ["message"] = "", ["data"] = data });
    }

    private static EmulatorResponse Content(EmulatorRequest request, EmulatorState state, string id)
    {
        if (NewApiErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        if (state.Tasks.Find(EmulatedApi.OpenAIVideos, id) is not { } task) return NewApiErrors.VideoProxy(404, "Task not found");

        var current = task.StateAt(state.Clock.Now);
        // new-api's task statuses are FAILURE and IN_PROGRESS (model/task.go); the proxy quotes them. Clients look for
        // IN_PROGRESS and retry; the lag after "completed" answers the same way.
        if (current.Phase == TaskPhase.Failed)
            return NewApiErrors.VideoProxy(400, "Task is not completed yet, current status: FAILURE");
        return current.ContentReady
            ? Wire.Video(state, task.Order.Fixture)
            : NewApiErrors.VideoProxy(400, "Task is not completed yet, current status: IN_PROGRESS");
    }

    private static string Status(TaskPhase phase) => phase switch
    {
        TaskPhase.Queued => "queued",
        TaskPhase.InProgress => "in_progress",
        TaskPhase.Completed => "completed",
        _ => "failed",
    };
}
