using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// Errors in the OpenAI shape that new-api gateways (LaoZhang, Crazyrouter) answer with:
/// {"error":{"message","type","param","code"}}.
/// </summary>
internal static class NewApiErrors
{
    public static EmulatorResponse Error(int statusCode, string message, string type, string? code, string? param = null) =>
        Wire.Json(new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = message,
                ["type"] = type,
                ["param"] = param,
                ["code"] = code,
            },
        }, statusCode);

    public static EmulatorResponse BadRequest(FieldError error) =>
        Error(400, error.Message, "invalid_request_error", error.Code, error.Param);

    /// <summary>Checks "Authorization: Bearer key"; null when the key is right, otherwise the 401 to answer.</summary>
    public static EmulatorResponse? RejectUnlessAuthorized(EmulatorRequest request, string apiKey)
    {
        const string scheme = "Bearer ";
        var header = request.Header("Authorization") ?? "";
        if (header.Length == 0)
            return Error(401, "No API key provided. Send it as 'Authorization: Bearer <key>'.", "invalid_request_error", "invalid_api_key");
        var offered = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        return Wire.KeyEquals(offered, apiKey)
            ? null
            : Error(401, "Invalid API key.", "invalid_request_error", "invalid_api_key");
    }

    /// <summary>
    /// A task id the gateway does not know, on its task endpoints: 400 with new-api's task envelope, not the OpenAI
    /// error shape (relay/relay_task.go: TaskErrorWrapperLocal(errors.New("task_not_exist"), "task_not_exist",
    /// http.StatusBadRequest); its test TestVideoFetchSameUserDifferentGroupReturnsNotFound expects 400).
    /// </summary>
    public static EmulatorResponse TaskNotFound() =>
        Wire.Json(new JsonObject { ["code"] = "task_not_exist", ["message"] = "task_not_exist", ["data"] = null }, 400);

    /// <summary>
    /// The video proxy's own answers on /v1/videos/{id}/content (controller/video_proxy.go, videoProxyError):
    /// {"error":{"message","type"}}, 404 "Task not found" and 400 "Task is not completed yet, current status: X".
    /// </summary>
    public static EmulatorResponse VideoProxy(int statusCode, string message) =>
        Wire.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error" } }, statusCode);

    /// <summary>
    /// A model no channel of the gateway serves (one it retired): new-api's distributor answers before the request is
    /// relayed, abortWithOpenAiMessage(c, http.StatusServiceUnavailable, ..., types.ErrorCodeModelNotFound)
    /// (middleware/distributor.go, Distribute), with i18n/locales/en.yaml distributor.no_available_channel: "No available
    /// channel for model {{.Model}} under group {{.Group}} (distributor)"; type new_api_error (middleware/utils.go).
    /// </summary>
    public static EmulatorResponse NoChannel(string model) =>
        Error(503, $"No available channel for model {model} under group default (distributor)", "new_api_error", "model_not_found");

    public static EmulatorResponse RateLimited() =>
        Error(429, "Rate limit reached for requests. Please try again later.", "rate_limit_error",
            "rate_limit_exceeded");

    /// <summary>
    /// new-api's own answers when a key passes a limit. The request limit: 429 {"error":{"message":"您已达到请求数限制：
    /// 1分钟内最多请求N次","type":"new_api_error","code":""}} (middleware/model-rate-limit.go, through abortWithOpenAiMessage
    /// in middleware/utils.go). Too many tasks running is the upstream's 429, which the task relay passes on rewritten as
    /// its saturation message in the task envelope: {"code":"do_response_failed","message":"当前分组上游负载已饱和，请稍后再试",
    /// "data":null} (controller/relay.go respondTaskError; the code as a new-api gateway was seen answering it). Neither
    /// sends Retry-After.
    /// </summary>
    public static EmulatorResponse QuotaRefused(QuotaRefusal refusal) => refusal.Limit switch
    {
        QuotaLimit.RequestsPerMinute => Error(429,
            $"您已达到请求数限制：{(int)CreateQuota.Window.TotalMinutes}分钟内最多请求{refusal.Allowed}次", "new_api_error", ""),
        _ => Wire.Json(new JsonObject { ["code"] = "do_response_failed", ["message"] = "当前分组上游负载已饱和，请稍后再试", ["data"] = null },
            429),
    };

    public static EmulatorResponse UpstreamError(int statusCode) =>
        Error(statusCode, $"Upstream error: the video service answered {statusCode}. Please try again later.", "upstream_error",
            statusCode == 503 ? "service_unavailable" : "upstream_error");

    public static EmulatorResponse UnknownRoute(EmulatorRequest request) =>
        Error(404, $"Invalid URL ({request.Method} {request.Path})", "invalid_request_error", "");
}

/// <summary>A refused request field: param names it (null when no single field is at fault).</summary>
internal sealed record FieldError(string? Param, string Message, string Code = "invalid_value");
