using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// The endpoints of Vertex AI's Veo, wired to the framework-free pieces in Vertex/: predictLongRunning under
/// projects/{p}/locations/{l}/publishers/google/models/{m}, polled by POST {model}:fetchPredictOperation
/// {"operationName"} (python-genai operations.py _fetch_predict_videos_operation), and the Cloud Storage JSON API's media
/// download for videos written to a storageUri. python-genai and @google/genai call v1beta1; Google's REST samples v1.
/// </summary>
internal static class VertexDialect
{
    private const string ModelPath = "/projects/{project}/locations/{location}/publishers/google/models/{model}";

    public static void Map(RouteTable app, EmulatorState state)
    {
        foreach (var version in new[] { "/v1", "/v1beta1" })
        {
            app.MapPost(version + ModelPath + ":predictLongRunning", request =>
                Create(request, state, request.Route["project"], request.Route["location"], request.Route["model"]));
            app.MapPost(version + ModelPath + ":fetchPredictOperation", request =>
                Fetch(request, state, request.Route["project"], request.Route["location"], request.Route["model"]));
        }
        // The object name is escaped whole (a/b.mp4 is a%2Fb.mp4); a host may hand it over decoded, so it takes the rest of the path.
        app.MapGet("/storage/v1/b/{bucket}/o/{*object}", request =>
            Storage(request, state, request.Route["bucket"], Uri.UnescapeDataString(request.Route["object"])));
    }

    private static EmulatorResponse Create(EmulatorRequest request, EmulatorState state, string project, string location, string model)
    {
        if (Refusal(request, state, "google.cloud.aiplatform.v1.PredictionService.PredictLongRunning") is { } refusal) return refusal;
        var resource = VertexOperation.ModelResource(project, location, model);
        if (!VertexRequest.Models.Contains(model) || state.Faults.IsRetired(model))
            return GoogleErrors.NotFound($"Publisher Model `{resource}` not found.");
        if (VertexRequest.Problem(request.ReadBody.Bytes, model, project, location, state.Tasks, state.Clock.Now, out var prompt, out var fixture, out var vertex) is { } problem)
            return GoogleErrors.InvalidArgument(problem);

        var order = new TaskOrder(EmulatedApi.Vertex, Guid.NewGuid().ToString(), model, prompt, fixture) { Vertex = vertex };
        var task = state.Tasks.Create(order, request.PathAndQuery);
        return Wire.Json(new JsonObject { ["name"] = VertexOperation.Name(task) });
    }

    private static EmulatorResponse Fetch(EmulatorRequest request, EmulatorState state, string project, string location, string model)
    {
        if (Refusal(request, state, "google.cloud.aiplatform.v1.PredictionService.FetchPredictOperation") is { } refusal) return refusal;
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(request.ReadBody.Bytes) as JsonObject;
        }
        catch (System.Text.Json.JsonException e)
        {
            return GoogleErrors.InvalidArgument($"Invalid JSON payload received. {e.Message}");
        }
        var name = body?["operationName"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? body["operationName"]!.GetValue<string>() : null;
        if (name is null) return GoogleErrors.InvalidArgument("operationName is required.");
        var id = VertexOperation.IdOf(name, VertexOperation.ModelResource(project, location, model));
        if (id is null || state.Tasks.Find(EmulatedApi.Vertex, id) is not { } task || VertexOperation.Name(task) != name)
            return GoogleErrors.NotFound($"Operation {name} was not found.");
        return Wire.Json(VertexOperation.At(task, task.StateAt(state.Clock.Now).Phase));
    }

    private static EmulatorResponse Storage(EmulatorRequest request, EmulatorState state, string bucket, string objectName)
    {
        if (Refusal(request, state, "storage.objects.get") is { } refusal) return refusal;
        if (request.Query("alt") != "media" || VertexStorage.Find(state.Tasks, bucket, objectName) is not { } found
            || !found.Task.StateAt(state.Clock.Now).ContentReady)
            return GoogleErrors.NotFound($"No such object: {bucket}/{objectName}");
        return Wire.Video(state, found.Task.Order.Fixture);
    }

    private static EmulatorResponse? Refusal(EmulatorRequest request, EmulatorState state, string method) =>
        VertexAuth.Refusal(request.Header("Authorization"), state.Options.ApiKey, method) is { } error
            ? GoogleErrors.Error(error.Code, error.Status, error.Message, error.Details)
            : null;
}
