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
        app.MapGet("/v1/videos", request => List(request, state));
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
        return Wire.Json(Video(task, state, withPrompt: false));
    }

    /// <summary>
    /// The video object: id, object "video", model, status, progress, created_at, completed_at, error {code, message}, as
    /// the gateway polls it; the list adds OpenAI's prompt (openai npm 7.60.0 resources/videos.d.ts, interface Video).
    /// </summary>
    private static JsonObject Video(VideoTask task, EmulatorState state, bool withPrompt)
    {
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
        if (withPrompt) body["prompt"] = task.Order.Prompt;
        if (current.Phase == TaskPhase.Completed) body["completed_at"] = task.FinishedAt.ToUnixTimeSeconds();
        if (current.Phase == TaskPhase.Failed)
            body["error"] = new JsonObject { ["code"] = "video_generation_failed", ["message"] = task.Failure!.Message };
        return body;
    }

    /// <summary>
    /// The key's videos as OpenAI lists them (GET /v1/videos, openai npm 7.60.0: VideoListParams after, limit, order
    /// "asc"|"desc"; the page is a ConversationCursorPage, core/pagination.d.ts: data, has_more, last_id; the next page is
    /// asked with after = last_id). Newest first by default, 20 a page, at most 100. Off (<see cref="EmulatorOptions.ListVideos"/>),
    /// the path answers as new-api does: it has no such route.
    /// </summary>
    private static EmulatorResponse List(EmulatorRequest request, EmulatorState state)
    {
        if (!state.Options.ListVideos)
            return NewApiErrors.Error(404, "Invalid URL (GET /v1/videos)", "invalid_request_error", "");
        if (NewApiErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        var limit = int.TryParse(request.Query("limit"), out var asked) ? Math.Min(Math.Max(asked, 1), 100) : 20;
        var tasks = state.Tasks.NewestFirst(EmulatedApi.OpenAIVideos);
        if (request.Query("order") == "asc") tasks = tasks.Reverse();
        if (request.Query("after") is { Length: > 0 } after) tasks = tasks.SkipWhile(t => t.Id != after).Skip(1);
        var page = tasks.Take(limit + 1).ToList();
        var data = new JsonArray(page.Take(limit).Select(t => (JsonNode)Video(t, state, withPrompt: true)).ToArray());
        return Wire.Json(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["first_id"] = page.Count > 0 ? page[0].Id : null,
            ["last_id"] = page.Count > 0 ? page[Math.Min(limit, page.Count) - 1].Id : null,
            ["has_more"] = page.Count > limit,
        });
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
