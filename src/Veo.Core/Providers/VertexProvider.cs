using System.Text.Json;
using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Providers;

/// <summary>
/// Vertex AI, in a Google Cloud project; every field name is in this file, as python-genai writes and reads them
/// (google/genai/models.py _GenerateVideosParameters_to_vertex, _GenerateVideosConfig_to_vertex,
/// _GenerateVideosOperation_from_vertex, _GenerateVideosResponse_from_vertex; operations.py _fetch_predict_videos_operation).
/// Create: POST v1/projects/{p}/locations/{l}/publishers/google/models/{m}:predictLongRunning with an OAuth access token
/// (Bearer) answers an operation whose name is the task id. Poll: POST v1/{name up to /operations/}:fetchPredictOperation
/// {"operationName": name}. The finished operation holds response.videos[], each {bytesBase64Encoded | gcsUri, mimeType},
/// and raiMediaFilteredCount / raiMediaFilteredReasons for the videos the safety filters removed. Inline videos are
/// streamed out of that answer (<see cref="InlineBase64Field"/>); gs:// ones are fetched with the same token from the
/// Cloud Storage JSON API.
/// </summary>
internal sealed class VertexProvider : IVideoProvider, ISampledVideoProvider, IExtensionSourceProvider
{
    private const string ApiVersion = "v1/";
    private const string VideoBytes = "bytesBase64Encoded";

    /// <summary>The storage JSON API's host (cloud.google.com/storage/docs/json_api): a fixed Google origin, never one a server names.</summary>
    private static readonly Uri GoogleStorage = new("https://storage.googleapis.com/");

    private readonly ApiChannel _channel;
    private readonly ApiChannel _storage;
    private readonly HttpPolicy _policy;

    public VertexProvider(VideoRoute route, ApiKey token, HttpPolicy policy, IEngineLog log)
    {
        Route = route;
        _policy = policy;
        _channel = ApiChannel.Bearer(route.Name, route.BaseUri, token, policy, log, route.Dialect);
        _storage = ApiChannel.Bearer(route.Name, StorageBaseFor(route.BaseUri), token, policy, log);
    }

    public VideoRoute Route { get; }

    /// <summary>
    /// The token is for Google: at Google's own Vertex AI hosts, gs:// videos come from Google's storage host; behind any
    /// other base (the emulator, a proxy) from the same base, so the token stays on the origin it was given for.
    /// </summary>
    internal static Uri StorageBaseFor(Uri routeBase) =>
        routeBase.Host.EndsWith(".googleapis.com", StringComparison.OrdinalIgnoreCase) ? GoogleStorage : routeBase;

    public async Task<VideoTask> CreateAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        var project = Route.Project ?? throw new InvalidOperationException($"Route {Route.Name} has no Google Cloud project.");
        var location = Route.Location ?? VertexEndpoints.DefaultLocation;
        var uri = Uri($"projects/{Escape(project)}/locations/{Escape(location)}/publishers/google/models/{Escape(request.Model.Id)}:predictLongRunning");
        if (request.Request.Extend is { } source && request.SourceVideo is null && !GcsUri.TryParse(source.VideoUri, out _, out _))
            throw new InvalidOperationException($"The bytes of the video to extend ({source.TaskId}) were not read before the create; nothing was sent.");
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
        using var operation = await FetchAsync(id, sample: -1, destination: null, cancellationToken).ConfigureAwait(false);
        return ReadOperation(id, operation.Json.RootElement);
    }

    public Task DownloadAsync(VideoTask task, Stream destination, CancellationToken cancellationToken) =>
        DownloadAsync(task, 0, destination, cancellationToken);

    public async Task DownloadAsync(VideoTask task, int sample, Stream destination, CancellationToken cancellationToken)
    {
        using var operation = await FetchAsync(task.Id, sample, destination, cancellationToken).ConfigureAwait(false);
        if (operation.Decoded) return;
        var read = ReadOperation(task.Id, operation.Json.RootElement);
        if (read.Status != VideoTaskStatus.Completed)
        {
            if (read.Status == VideoTaskStatus.Failed) throw new VideoUndeliverableException(Route.Name, read.Error ?? "the operation failed");
            throw new ContentNotReadyException(task.Id, "the operation is not done yet");
        }
        var videos = Videos(operation.Json.RootElement);
        if (sample >= videos.Count)
            throw new VideoUndeliverableException(Route.Name, $"the operation holds {videos.Count} video(s), so there is no video {sample + 1}");
        var gcsUri = videos[sample].Str("gcsUri");
        if (!GcsUri.TryParse(gcsUri, out var bucket, out var objectName) || objectName.Length == 0)
            throw new VideoUndeliverableException(Route.Name, $"video {sample + 1} has neither inline bytes nor a gs:// address ({ErrorBody.Truncate(videos[sample].GetRawText())})");
        // Cloud Storage's JSON API: GET storage/v1/b/{bucket}/o/{object, escaped whole}?alt=media, with the same token.
        var objectUri = new Uri(StorageBaseFor(Route.BaseUri),
            $"storage/v1/b/{Escape(bucket)}/o/{Escape(objectName)}?alt=media");
        using var response = await _storage.DownloadAsync(objectUri, authorize: true,
            (r, body) => r.StatusCode == System.Net.HttpStatusCode.NotFound ? new ContentNotReadyException(task.Id, $"{gcsUri} is not in the bucket yet") : null,
            cancellationToken).ConfigureAwait(false);
        await _storage.CopyBodyAsync(response, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The bytes of a source video answered inline, read from its own operation before the extension is sent (a read that
    /// costs nothing): Vertex AI takes the video itself, and an inline video has no address to give. Null when there is no
    /// source or it is a gs:// object, which is named instead. The first video of a several-video task is the one extended.
    /// </summary>
    public async Task<byte[]?> SourceVideoAsync(ExtensionSource? source, CancellationToken cancellationToken)
    {
        if (source is null || GcsUri.TryParse(source.VideoUri, out _, out _)) return null;
        using var buffer = new BoundedMemoryStream(MaxSourceVideoBytes,
            $"The video to extend ({source.TaskId}) is larger than {MaxSourceVideoBytes / (1 << 20)} MiB; Vertex AI extends videos of at most 30 seconds, which are far smaller. Nothing was sent.");
        await DownloadAsync(new VideoTask { Id = source.TaskId, Route = Route.Name, BaseUri = Route.BaseUri }, 0, buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>A 30-second Veo video at 1080p is tens of MB; a source past this is not one Vertex AI would extend.</summary>
    private const int MaxSourceVideoBytes = 256 << 20;

    /// <summary>
    /// One fetchPredictOperation, streamed: the videos' base64 is left out of the JSON kept, and video
    /// <paramref name="sample"/> (if asked, -1 for none) is decoded into <paramref name="destination"/> on the way.
    /// </summary>
    private Task<InlineAnswer> FetchAsync(string operationName, int sample, Stream? destination, CancellationToken cancellationToken)
    {
        var resource = ResourceOf(operationName);
        var uri = Uri($"{resource}:fetchPredictOperation");
        // Four videos of the largest size accepted, as base64, and the rest of the answer.
        var maxTotal = _policy.MaxVideoBytes / 3 * 4 * BuiltInRoutes.Vertex.Capabilities.MaxVideosPerRequest + _policy.MaxAnswerBytes;
        return _channel.ReadInlineVideosAsync(() => new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonBodies.Object(json => json.WriteString("operationName", operationName)),
        }, VideoBytes, sample, destination, maxTotal, cancellationToken);
    }

    /// <summary>
    /// The request python-genai's generate_videos sends to Vertex AI; generateAudio and sampleCount always, so the bill is
    /// what was asked. An extension carries its source as instances[0].video (python-genai _Video_to_vertex): the gs://
    /// object as gcsUri, or the bytes read for it (<see cref="PreparedRequest.SourceVideo"/>) as bytesBase64Encoded, with
    /// mimeType video/mp4.
    /// </summary>
    internal static HttpContent Body(PreparedRequest prepared) => JsonBodies.Object(json =>
    {
        var sourceVideo = prepared.SourceVideo;
        var r = prepared.Request;
        json.WriteStartArray("instances");
        json.WriteStartObject();
        json.WriteString("prompt", r.Prompt);
        if (r.Extend is { } source)
        {
            json.WriteStartObject("video");
            if (sourceVideo is not null) json.WriteBase64String("bytesBase64Encoded", sourceVideo);
            else json.WriteString("gcsUri", source.VideoUri);
            json.WriteString("mimeType", "video/mp4");
            json.WriteEndObject();
        }
        PredictInstanceImages.Write(json, prepared);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("parameters");
        json.WriteNumber("sampleCount", r.VideoCount);
        // An extension's length is fixed by the service (it adds 7 s), as on the Gemini API; only a new video says how long it is.
        if (r.Extend is null) json.WriteNumber("durationSeconds", r.DurationSeconds);
        json.WriteString("aspectRatio", r.AspectRatio);
        json.WriteString("resolution", r.Resolution);
        json.WriteBoolean("generateAudio", r.GenerateAudio ?? true);
        if (!string.IsNullOrWhiteSpace(r.NegativePrompt)) json.WriteString("negativePrompt", r.NegativePrompt!.Trim());
        if (r.Seed is { } seed) json.WriteNumber("seed", seed);
        if (r.StorageUri is { } storage) json.WriteString("storageUri", storage);
        // Sent only when asked, either way (python-genai _GenerateVideosConfig_to_vertex: parameters.enhancePrompt).
        if (r.EnhancePrompt is { } enhance) json.WriteBoolean("enhancePrompt", enhance);
        // As python-genai spells its enums (VideoCompressionQuality, ImageResizeMode), only when asked.
        if (r.CompressionQuality is { } quality) json.WriteString("compressionQuality", quality);
        if (r.ResizeMode is { } resize) json.WriteString("resizeMode", resize);
        json.WriteEndObject();
    });

    private VideoTask ReadOperation(string id, JsonElement json)
    {
        var task = new VideoTask { Id = json.Str("name") ?? id, Route = Route.Name, BaseUri = Route.BaseUri, Model = ModelOf(id), Status = VideoTaskStatus.InProgress };
        if (json.Bool("done") != true) return task;
        if (json.Prop("error") is { } error)
            return task with { Status = VideoTaskStatus.Failed, Error = error.Str("message") ?? error.GetRawText(), ErrorCode = error.Str("status") ?? error.Str("code") };

        var response = json.Prop("response") ?? throw _channel.Malformed("response", json);
        var videos = Videos(json);
        var filteredCount = response.Long("raiMediaFilteredCount") ?? 0;
        var reasons = response.Prop("raiMediaFilteredReasons") is { ValueKind: JsonValueKind.Array } r
            ? string.Join("; ", r.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()))
            : "";
        var filtered = filteredCount > 0 || reasons.Length > 0
            ? $"{(filteredCount > 0 ? filteredCount : 1)} video(s) removed by safety filters{(reasons.Length > 0 ? ": " + reasons : "")}"
            : null;
        if (videos.Count > 0)
            return task with { Status = VideoTaskStatus.Completed, Progress = 100, VideoCount = videos.Count, VideoUrl = videos[0].Str("gcsUri"), Filtered = filtered };
        return task with
        {
            Status = VideoTaskStatus.Failed,
            ErrorCode = "FILTERED",
            Error = filtered is not null ? $"The video was blocked: {filtered}" : "The operation finished without a video.",
            Filtered = filtered,
        };
    }

    private static IReadOnlyList<JsonElement> Videos(JsonElement operation) =>
        operation.Prop("response")?.Prop("videos") is { ValueKind: JsonValueKind.Array } videos
            ? videos.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).ToList()
            : Array.Empty<JsonElement>();

    /// <summary>"projects/p/locations/l/publishers/google/models/m/operations/x" → "projects/p/.../models/m", as python-genai's operations.get does.</summary>
    private string ResourceOf(string operationName)
    {
        var at = operationName.LastIndexOf("/operations/", StringComparison.Ordinal);
        if (at <= 0 || !operationName.StartsWith("projects/", StringComparison.Ordinal) || operationName.IndexOf("..", StringComparison.Ordinal) >= 0
            || operationName.Any(c => c is '?' or '#' or '\\' || char.IsWhiteSpace(c)))
            throw new ArgumentException($"'{operationName}' is not a Vertex AI operation name (projects/.../operations/...).");
        return operationName.Substring(0, at);
    }

    /// <summary>"projects/p/locations/l/publishers/google/models/veo-3.1-generate-001/operations/x" → "veo-3.1-generate-001".</summary>
    private static string ModelOf(string operationName)
    {
        var parts = operationName.Split('/');
        var models = Array.IndexOf(parts, "models");
        return models >= 0 && models + 1 < parts.Length ? parts[models + 1] : "";
    }

    private Uri Uri(string relative) => new(Route.BaseUri, ApiVersion + relative);

    private static string Escape(string segment) => System.Uri.EscapeDataString(segment);
}
