using System.Text.Json;
using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Providers;

/// <summary>
/// The unified-video dialect (Crazyrouter and the gateways of its family); every field name is in this file.
/// Create: JSON POST v1/video/create. Poll: GET v1/video/query?id=. The finished video is fetched from the
/// task's video_url, a CDN address that gets no key. Local images go inline as data: URIs, since this
/// dialect takes image URLs rather than uploads.
/// </summary>
internal sealed class UnifiedVideoProvider : IVideoProvider, Models.IModelListProvider
{
    private readonly ApiChannel _channel;

    public UnifiedVideoProvider(VideoRoute route, ApiKey key, HttpPolicy policy, IEngineLog log)
    {
        Route = route;
        _channel = ApiChannel.Bearer(route.Name, route.BaseUri, key, policy, log);
    }

    public VideoRoute Route { get; }

    /// <summary>What the service lists as the video models it serves (<see cref="Models.ModelLists.OpenAIAsync"/>).</summary>
    public Task<IReadOnlyList<Models.ListedModel>> ListModelsAsync(CancellationToken cancellationToken) =>
        Models.ModelLists.OpenAIAsync(_channel, Route.BaseUri, cancellationToken);

    public async Task<VideoTask> CreateAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        return await _channel.CreateAsync(() => new HttpRequestMessage(HttpMethod.Post, Uri("v1/video/create")) { Content = Body(request) }, json => ReadTask(json, creating: true), cancellationToken).ConfigureAwait(false);
    }

    public async Task<VideoTask> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var answer = await _channel.GetJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, Uri($"v1/video/query?id={System.Uri.EscapeDataString(id)}")), cancellationToken).ConfigureAwait(false);
        return ReadTask(answer.RootElement);
    }

    /// <summary>
    /// The video_url is a CDN address (no key) or the gateway's own (new-api serves /v1/videos/{id}/content behind the
    /// token; Crazyrouter shows crazyrouter.com/files/...): the channel sends the key on the route's own origin only.
    /// </summary>
    public Task DownloadAsync(VideoTask task, Stream destination, CancellationToken cancellationToken) =>
        _channel.DownloadFromTaskUrlAsync(task, Route.BaseUri, async () => (await GetAsync(task.Id, cancellationToken).ConfigureAwait(false)).VideoUrl,
            authorize: true, destination, cancellationToken);

    internal static HttpContent Body(PreparedRequest prepared) => JsonBodies.Object(json =>
    {
        var r = prepared.Request;
        json.WriteString("model", prepared.Model.Id);
        json.WriteString("prompt", r.Prompt);
        json.WriteString("aspect_ratio", r.AspectRatio);
        json.WriteString("size", r.Resolution.ToUpperInvariant());
        json.WriteNumber("duration", r.DurationSeconds);
        if (r.EnhancePrompt is { } enhance) json.WriteBoolean("enhance_prompt", enhance);
        if (r.Upsample is { } upsample) json.WriteBoolean("enable_upsample", upsample);
        var images = new[] { prepared.FirstFrame, prepared.LastFrame }.OfType<ImageFile>().ToList();
        if (images.Count == 0) return;
        json.WriteStartArray("images");
        foreach (var image in images) json.WriteStringValue(image.ToDataUri());
        json.WriteEndArray();
    });

    private VideoTask ReadTask(JsonElement json, bool creating = false)
    {
        // Some gateways of this family wrap the task in {"code":..., "data": {...}}.
        if (json.Prop("data") is { ValueKind: JsonValueKind.Object } data && (data.Str("id") ?? data.Str("task_id")) is not null) json = data;
        var id = json.Str("id") ?? json.Str("task_id") ?? throw _channel.Malformed("The task id (id or task_id)", json);
        // A create answered with an id is a created task whatever its status says; a poll needs a status it can read.
        var statusText = json.Str("status") ?? (creating ? "" : throw _channel.Malformed("The task status", json));
        var status = VideoTaskStatusExtensions.Parse(statusText) ?? (creating ? VideoTaskStatus.Queued : throw _channel.Malformed($"A known status (got '{statusText}')", json));
        return new VideoTask
        {
            Id = id,
            Route = Route.Name,
            BaseUri = Route.BaseUri,
            Model = json.Str("model") ?? "",
            Status = status,
            Progress = (int)(json.Long("progress") ?? 0),
            CreatedAt = json.UnixTime("created_at"),
            CompletedAt = status == VideoTaskStatus.Completed ? json.UnixTime("status_update_time") : null,
            VideoUrl = json.Str("video_url"),
            Error = status == VideoTaskStatus.Failed
                ? json.Str("fail_reason") ?? json.Prop("error")?.Str("message") ?? json.Str("error") ?? $"The task ended as '{statusText}' without a reason."
                : null,
        };
    }

    private Uri Uri(string relative) => new(Route.BaseUri, relative);
}
