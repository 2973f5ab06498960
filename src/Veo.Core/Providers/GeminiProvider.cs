using System.Text.Json;
using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Providers;

/// <summary>
/// Google's Gemini API, direct; every field name is in this file. Create: POST
/// v1beta/models/{model}:predictLongRunning answers an operation whose name is the task id. Poll: GET
/// v1beta/{name}; "done" appears only when finished, with an error or the generated samples. Download:
/// the sample's URI with the key, which redirects to the bytes. Images go inline as base64.
/// </summary>
internal sealed class GeminiProvider : IVideoProvider, Models.IModelListProvider
{
    private const string ApiVersion = "v1beta/";
    private readonly ApiChannel _channel;

    public GeminiProvider(VideoRoute route, ApiKey key, HttpPolicy policy, IEngineLog log)
    {
        Route = route;
        _channel = new ApiChannel(route.Name, route.BaseUri, key, policy, (request, k) => request.Headers.Add("x-goog-api-key", k.Reveal()), log);
    }

    public VideoRoute Route { get; }

    /// <summary>What the service lists as the video models it serves (<see cref="Models.ModelLists.GeminiAsync"/>).</summary>
    public Task<IReadOnlyList<Models.ListedModel>> ListModelsAsync(CancellationToken cancellationToken) =>
        Models.ModelLists.GeminiAsync(_channel, Route.BaseUri, cancellationToken);

    public async Task<VideoTask> CreateAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        var uri = Uri($"models/{request.Model.Id}:predictLongRunning");
        return await _channel.CreateAsync(() => new HttpRequestMessage(HttpMethod.Post, uri) { Content = Body(request) }, answer => new VideoTask
        {
            Id = answer.Str("name") ?? throw _channel.Malformed("The operation name", answer),
            Route = Route.Name,
            BaseUri = Route.BaseUri,
            Model = request.Model.Id,
            Status = VideoTaskStatus.Queued,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<VideoTask> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var answer = await _channel.GetJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, Uri(id)), cancellationToken).ConfigureAwait(false);
        return ReadOperation(id, answer.RootElement);
    }

    /// <summary>
    /// As @google/genai does: the sample's URI names a file, fetched as {base}/v1beta/files/{id}:download with
    /// the key, which redirects to the bytes (the key is not forwarded off-host). Works behind any base URI.
    /// </summary>
    public Task DownloadAsync(VideoTask task, Stream destination, CancellationToken cancellationToken) =>
        _channel.DownloadFromTaskUrlAsync(task with { VideoUrl = FileDownload(task.VideoUrl) }, Route.BaseUri,
            async () => FileDownload((await GetAsync(task.Id, cancellationToken).ConfigureAwait(false)).VideoUrl),
            authorize: true, destination, cancellationToken);

    /// <summary>"https://host/v1beta/files/abc:download?alt=media" → "v1beta/files/abc:download?alt=media" on our own base.</summary>
    internal static string? FileDownload(string? uri)
    {
        if (uri is null) return null;
        var match = System.Text.RegularExpressions.Regex.Match(uri, @"files/([A-Za-z0-9_-]+)");
        return match.Success ? $"{ApiVersion}files/{match.Groups[1].Value}:download?alt=media" : uri;
    }

    /// <summary>The request @google/genai's generateVideos sends to the Gemini API.</summary>
    internal static HttpContent Body(PreparedRequest prepared) => JsonBodies.Object(json =>
    {
        var r = prepared.Request;
        json.WriteStartArray("instances");
        json.WriteStartObject();
        json.WriteString("prompt", r.Prompt);
        // An extension names the earlier video by the URI the service gave it (python-genai _Video_to_mldev: uri).
        if (r.Extend is { } source)
        {
            json.WriteStartObject("video");
            json.WriteString("uri", source.VideoUri);
            json.WriteEndObject();
        }
        PredictInstanceImages.Write(json, prepared);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("parameters");
        // An extension's length is fixed by the service (it adds 7 s); only a new video says how long it is.
        if (r.Extend is null) json.WriteNumber("durationSeconds", r.DurationSeconds);
        json.WriteString("aspectRatio", r.AspectRatio);
        json.WriteString("resolution", r.Resolution);
        if (!string.IsNullOrWhiteSpace(r.NegativePrompt)) json.WriteString("negativePrompt", r.NegativePrompt!.Trim());
        if (r.Seed is { } seed) json.WriteNumber("seed", seed);
        if (r.PersonGeneration is { } person) json.WriteString("personGeneration", person.Trim().ToLowerInvariant());
        json.WriteEndObject();
    });

    private VideoTask ReadOperation(string id, JsonElement json)
    {
        var task = new VideoTask { Id = json.Str("name") ?? id, Route = Route.Name, BaseUri = Route.BaseUri, Model = ModelOf(id), Status = VideoTaskStatus.InProgress };
        if (json.Bool("done") != true) return task;
        if (json.Prop("error") is { } error)
            return task with { Status = VideoTaskStatus.Failed, Error = error.Str("message") ?? error.GetRawText(), ErrorCode = error.Str("status") ?? error.Str("code") };

        var response = json.Prop("response")?.Prop("generateVideoResponse") ?? throw _channel.Malformed("response.generateVideoResponse", json);
        var uri = response.Prop("generatedSamples") is { ValueKind: JsonValueKind.Array } samples && samples.GetArrayLength() > 0
            ? samples[0].Prop("video")?.Str("uri")
            : null;
        if (uri is not null) return task with { Status = VideoTaskStatus.Completed, Progress = 100, VideoUrl = uri };
        // Google finishes a blocked video with no sample and says why in the safety-filter fields.
        var reasons = response.Prop("raiMediaFilteredReasons") is { ValueKind: JsonValueKind.Array } r
            ? string.Join("; ", r.EnumerateArray().Select(e => e.GetString()))
            : "";
        return task with
        {
            Status = VideoTaskStatus.Failed,
            ErrorCode = "FILTERED",
            Error = reasons.Length > 0 ? $"The video was blocked by safety filters: {reasons}" : "The operation finished without a video.",
        };
    }

    /// <summary>"models/veo-3.1-fast-generate-preview/operations/abc" → "veo-3.1-fast-generate-preview".</summary>
    private static string ModelOf(string operationName)
    {
        var parts = operationName.Split('/');
        return parts.Length >= 2 && parts[0] == "models" ? parts[1] : "";
    }

    private Uri Uri(string relative) => new(Route.BaseUri, ApiVersion + relative);
}
