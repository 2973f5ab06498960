using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// A Vertex AI video operation as fetchPredictOperation answers it (read by python-genai's
/// _GenerateVideosOperation_from_vertex and _GenerateVideosResponse_from_vertex): {"name"} while it runs ("done" is
/// absent, not false); then {"name","done":true,"response":{"@type","raiMediaFilteredCount","videos":[...]}}, each video
/// {"bytesBase64Encoded","mimeType"} inline or {"gcsUri","mimeType"} when a storageUri was given; or
/// {"name","done":true,"error":{"code","message"}} with a google.rpc.Code.
/// </summary>
internal static class VertexOperation
{
    private const string ResponseType = "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse";

    /// <summary>google.rpc.Code INTERNAL: an operation's error carries the RPC code, not the HTTP status.</summary>
    private const int InternalRpcCode = 13;

    /// <summary>"projects/{p}/locations/{l}/publishers/google/models/{m}": the resource the operation belongs to.</summary>
    public static string ModelResource(string project, string location, string model) =>
        $"projects/{project}/locations/{location}/publishers/google/models/{model}";

    public static string Name(VideoTask task) =>
        $"{ModelResource(task.Order.Vertex!.Project, task.Order.Vertex.Location, task.Model)}/operations/{task.Id}";

    /// <summary>The operation id of a full name, when the name belongs to <paramref name="resource"/>.</summary>
    public static string? IdOf(string operationName, string resource) =>
        operationName.StartsWith(resource + "/operations/", StringComparison.Ordinal) ? operationName[(resource.Length + "/operations/".Length)..] : null;

    public static JsonObject At(VideoTask task, TaskPhase phase)
    {
        var body = new JsonObject { ["name"] = Name(task) };
        if (phase == TaskPhase.Completed)
        {
            var order = task.Order.Vertex!;
            var videos = new JsonArray();
            for (var sample = 0; sample < order.Samples; sample++)
            {
                videos.Add(order.StorageUri is null
                    ? new JsonObject { ["bytesBase64Encoded"] = Convert.ToBase64String(RenderedVideo.Of(task.Order.Fixture)), ["mimeType"] = "video/mp4" }
                    : new JsonObject { ["gcsUri"] = VertexStorage.GcsUri(order, task.Id, sample), ["mimeType"] = "video/mp4" });
            }
            body["done"] = true;
            body["response"] = new JsonObject { ["@type"] = ResponseType, ["raiMediaFilteredCount"] = 0, ["videos"] = videos };
        }
        else if (phase == TaskPhase.Failed)
        {
            body["done"] = true;
            body["error"] = new JsonObject { ["code"] = InternalRpcCode, ["message"] = task.Failure!.Message };
        }
        return body;
    }
}
