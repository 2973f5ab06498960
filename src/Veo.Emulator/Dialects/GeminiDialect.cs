using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// Google's Gemini API for Veo: predictLongRunning creates an operation, the operation is polled by its name, and
/// files/{id}:download?alt=media (named by the operation's https video URI) answers with a redirect to the bytes, as the
/// real service does.
/// </summary>
internal static class GeminiDialect
{
    private const string ResponseType = "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse";

    /// <summary>google.rpc.Code INTERNAL: an operation's error carries the RPC code, not the HTTP status.</summary>
    private const int InternalRpcCode = 13;

    public static void Map(RouteTable app, EmulatorState state)
    {
        app.MapPost("/v1beta/models/{model}:predictLongRunning", request => Create(request, state, request.Route["model"]));
        app.MapGet("/v1beta/models/{model}/operations/{operation}",
            request => Poll(request, state, request.Route["model"], request.Route["operation"]));
        app.MapGet("/v1beta/files/{file}:download", request => Download(request, state, request.Route["file"]));
        app.MapGet("/cdn/files/{file}.mp4", request => Cdn.Serve(state, FindByFile(state, request.Route["file"])));
    }

    private static EmulatorResponse Create(EmulatorRequest request, EmulatorState state, string model)
    {
        if (GoogleErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        // Shut down 2026-10-22: "a 404 containing 'is no longer available'" (docs.apiyi.com, "Veo 3.1 Preview retired", 2026-10-25).
        if (GeminiRequest.Models.Contains(model) && !state.Options.GeminiVeoServed)
            return GoogleErrors.NotFound($"models/{model} is no longer available.");
        // A retired model is answered as one the API version never had: the id is simply not found any more.
        if (!GeminiRequest.Models.Contains(model) || state.Faults.IsRetired(model))
        {
            return GoogleErrors.NotFound($"models/{model} is not found for API version v1beta, or is not supported for predictLongRunning. " +
                                         "Call ListModels to see the list of available models and their supported methods.");
        }
        var body = request.ReadBody.Bytes;
        if (GeminiRequest.Problem(body, model, out var create) is { } problem) return GoogleErrors.InvalidArgument(problem);
        var fixture = create.Fixture;
        if (create.ExtendUri is not null
            && GeminiExtension.Problem(create, JsonNode.Parse(body)!["parameters"] as JsonObject, state.Tasks, state.Clock.Now, out fixture) is { } refusal)
            return GoogleErrors.InvalidArgument(refusal);

        var order = new TaskOrder(EmulatedApi.Gemini, TaskStore.RandomAlphanumeric(12), model, create.Prompt, fixture)
        {
            FileId = TaskStore.RandomAlphanumeric(12),
        };
        if (state.CreateWithinQuota(order, request.PathAndQuery, out var refused) is not { } task) return GoogleErrors.QuotaRefused(refused!);
        return Wire.Json(new JsonObject { ["name"] = OperationName(task) });
    }

    private static EmulatorResponse Poll(EmulatorRequest request, EmulatorState state, string model, string operation)
    {
        if (GoogleErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        if (state.Tasks.Find(EmulatedApi.Gemini, operation) is not { } task || task.Model != model) return GoogleErrors.NotFound();

        var phase = task.StateAt(state.Clock.Now).Phase;
        // "done" is absent, not false, while the operation runs.
        var body = new JsonObject { ["name"] = OperationName(task) };
        if (phase == TaskPhase.Completed)
        {
            body["done"] = true;
            body["response"] = new JsonObject
            {
                ["@type"] = ResponseType,
                ["generateVideoResponse"] = new JsonObject
                {
                    ["generatedSamples"] = new JsonArray(new JsonObject
                    {
                        ["video"] = new JsonObject { ["uri"] = FileUri(request, task.Order.FileId!) },
                    }),
                },
            };
        }
        else if (phase == TaskPhase.Failed)
        {
            body["done"] = true;
            body["error"] = new JsonObject { ["code"] = InternalRpcCode, ["message"] = task.Failure!.Message };
        }
        return Wire.Json(body);
    }

    private static EmulatorResponse Download(EmulatorRequest request, EmulatorState state, string file)
    {
        if (GoogleErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        if (FindByFile(state, file) is not { } task || !task.StateAt(state.Clock.Now).ContentReady) return GoogleErrors.NotFound();

        // The real service redirects to a storage URL that needs no key; clients must follow redirects.
        return Responses.Redirect($"{Wire.BaseUri(request)}cdn/files/{file}.mp4");
    }

    /// <summary>
    /// The video as the real service names it: https://generativelanguage.googleapis.com/v1beta/files/{id}:download?alt=media.
    /// Clients read it as a file name, not as a URL to fetch: @google/genai takes an https:// URI, keeps the id after
    /// "files/" and downloads files/{id}:download?alt=media from its own base URL (an http:// URI it would append whole to
    /// the path). So the URI keeps the https scheme, on the host the client addressed; download it the way the SDK does.
    /// </summary>
    private static string FileUri(EmulatorRequest request, string fileId) => $"https://{request.Host}/v1beta/files/{fileId}:download?alt=media";

    /// <summary>A Veo operation's file, or an Omni interaction's answered by uri (the Interactions dialect names its files here too).</summary>
    private static VideoTask? FindByFile(EmulatorState state, string file) =>
        state.Tasks.FindWhere(EmulatedApi.Gemini, t => t.Order.FileId == file) ?? state.Tasks.FindWhere(EmulatedApi.Interactions, t => t.Order.FileId == file);

    internal static string OperationName(VideoTask task) => $"models/{task.Model}/operations/{task.Id}";
}
