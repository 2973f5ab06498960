using System.Text.Json;
using Veo.Core.Http;

namespace Veo.Core.Models;

/// <summary>A model as a service lists it right now.</summary>
public sealed record ListedModel(string Id, string? DisplayName, IReadOnlyList<string> Capabilities);

/// <summary>A provider whose service lists the models it serves.</summary>
internal interface IModelListProvider
{
    Task<IReadOnlyList<ListedModel>> ListModelsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The two list shapes the routes answer, read through the route's own <see cref="ApiChannel"/> (the key to its origin
/// only, every answer bounded in size and time, reads retried as reads are).
/// </summary>
internal static class ModelLists
{
    /// <summary>
    /// Whether the dialect's service lists its models. Vertex AI does not document a list of the Veo models a project may
    /// call: its Model Garden listing (v1beta1 publishers/google/models) describes the garden, not what predictLongRunning
    /// accepts in a project and location.
    /// </summary>
    public static bool Exists(Routes.Dialect dialect) => dialect != Routes.Dialect.Vertex;

    /// <summary>A service that keeps handing out page tokens is stopped here: far more pages than any service has models for.</summary>
    internal const int MaxPages = 100;

    /// <summary>
    /// A gateway's GET /v1/models: OpenAI's {"object":"list","data":[{"id","object":"model","created","owned_by"}]}, and
    /// new-api's, which adds "success" and each model's supported_endpoint_types (QuantumNous/new-api controller/model.go
    /// ListModels, dto.OpenAIModels; "openai-video" is constant/endpoint_type.go EndpointTypeOpenAIVideo). A gateway
    /// lists its chat models too: only video models are kept, by their endpoint types where given, else by their id.
    /// </summary>
    public static async Task<IReadOnlyList<ListedModel>> OpenAIAsync(ApiChannel channel, Uri baseUri, CancellationToken cancellationToken)
    {
        using var answer = await channel.GetJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, "v1/models")), cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;
        if (root.Bool("success") == false) throw channel.Malformed($"A model list ({root.Str("message") ?? "success: false"})", root);
        if (root.Prop("data") is not { ValueKind: JsonValueKind.Array } data) throw channel.Malformed("The model list (data)", root);
        var models = new List<ListedModel>();
        foreach (var model in data.EnumerateArray())
        {
            if (model.ValueKind != JsonValueKind.Object || model.Str("id") is not { Length: > 0 } id) continue;
            var endpoints = Strings(model, "supported_endpoint_types");
            var video = endpoints.Count > 0
                ? endpoints.Any(e => e.IndexOf("video", StringComparison.OrdinalIgnoreCase) >= 0)
                : LooksLikeVideo(id);
            if (video) models.Add(new ListedModel(id, null, endpoints));
        }
        return models;
    }

    /// <summary>
    /// The Gemini API's GET v1beta/models, every page: pageSize (at most 1000) and pageToken, the nextPageToken of the page
    /// before, until a page has none (ai.google.dev/api/models, models.list; python-genai models.list reads "models" and
    /// "nextPageToken"). Only models that generate videos are kept: supportedGenerationMethods holds predictLongRunning (Veo),
    /// or, with <paramref name="omni"/>, the model is Gemini Omni, whose videos the Interactions API makes (models.list names
    /// no Interactions method, so the id says it).
    /// </summary>
    public static async Task<IReadOnlyList<ListedModel>> GeminiAsync(ApiChannel channel, Uri baseUri, CancellationToken cancellationToken, bool omni = false)
    {
        var models = new List<ListedModel>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var query = "v1beta/models?pageSize=1000" + (token is null ? "" : "&pageToken=" + Uri.EscapeDataString(token));
            using var answer = await channel.GetJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, query)), cancellationToken).ConfigureAwait(false);
            var root = answer.RootElement;
            if (root.Prop("models") is { ValueKind: JsonValueKind.Array } listed)
            {
                foreach (var model in listed.EnumerateArray())
                {
                    if (model.ValueKind != JsonValueKind.Object || model.Str("name") is not { Length: > 0 } name) continue;
                    var methods = Strings(model, "supportedGenerationMethods");
                    var id = name.StartsWith("models/", StringComparison.Ordinal) ? name.Substring(7) : name;
                    var video = omni ? id.StartsWith("gemini-omni-", StringComparison.OrdinalIgnoreCase) : methods.Contains("predictLongRunning", StringComparer.Ordinal);
                    if (video) models.Add(new ListedModel(id, model.Str("displayName"), methods));
                }
            }
            token = root.Str("nextPageToken");
            if (string.IsNullOrEmpty(token)) return models;
            // A token seen before would page for ever.
            if (!tokens.Add(token!)) throw channel.Malformed($"A new page token (page {page + 2} repeats '{ErrorBody.Truncate(token!, 40)}')", root);
        }
        throw new ApiException(channel.Route, System.Net.HttpStatusCode.OK, "too_many_pages",
            $"the model list went on past {MaxPages} pages; it was not read to the end", null);
    }

    private static bool LooksLikeVideo(string id) =>
        id.IndexOf("veo", StringComparison.OrdinalIgnoreCase) >= 0 || id.IndexOf("video", StringComparison.OrdinalIgnoreCase) >= 0
        || id.IndexOf("omni", StringComparison.OrdinalIgnoreCase) >= 0;

    private static IReadOnlyList<string> Strings(JsonElement model, string name) =>
        model.Prop(name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : Array.Empty<string>();
}
