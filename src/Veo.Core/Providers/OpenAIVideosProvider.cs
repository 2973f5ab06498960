using System.Net.Http.Headers;
using System.Text.Json;
using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Providers;

/// <summary>
/// The OpenAI-Videos dialect as LaoZhang forwards Veo 3.1: every field name of the wire contract is in this file.
/// Create: multipart POST v1/videos. Poll: GET v1/videos/{id} (v1/video/generations/{id} on gateways without it).
/// Download: GET v1/videos/{id}/content, which lags a little behind "completed".
/// </summary>
internal sealed class OpenAIVideosProvider : IVideoProvider, Models.IModelListProvider
{
    private readonly ApiChannel _channel;

    public OpenAIVideosProvider(VideoRoute route, ApiKey key, HttpPolicy policy, IEngineLog log)
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
        return await _channel.CreateAsync(() => new HttpRequestMessage(HttpMethod.Post, Uri("v1/videos")) { Content = Form(request) }, json => ReadTask(json, creating: true), cancellationToken).ConfigureAwait(false);
    }

    public async Task<VideoTask> GetAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            using var answer = await _channel.GetJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, Uri($"v1/videos/{Escape(id)}")), cancellationToken).ConfigureAwait(false);
            return ReadTask(answer.RootElement);
        }
        catch (ApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound && e.ErrorCode != "task_not_exist")
        {
            // Older gateways of this family only answer the compatibility path.
            using var answer = await _channel.GetJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, Uri($"v1/video/generations/{Escape(id)}")), cancellationToken).ConfigureAwait(false);
            return ReadTask(answer.RootElement);
        }
    }

    public async Task DownloadAsync(VideoTask task, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await _channel.DownloadAsync(
            Uri($"v1/videos/{Escape(task.Id)}/content"),
            authorize: true,
            (_, body) => body.IndexOf("IN_PROGRESS", StringComparison.OrdinalIgnoreCase) >= 0
                ? new ContentNotReadyException(task.Id, ErrorBody.Parse(body).Message)
                : null,
            cancellationToken).ConfigureAwait(false);
        await _channel.CopyBodyAsync(response, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The form exactly as the gateway document's curl examples send it; strings only, files as parts.</summary>
    internal static MultipartFormDataContent Form(PreparedRequest prepared)
    {
        var r = prepared.Request;
        var seconds = r.DurationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var form = new MultipartFormDataContent();
        void Field(string name, string value)
        {
            // curl -F sends no Content-Type on text parts; some gateways read typed parts as files.
            var part = new StringContent(value);
            part.Headers.ContentType = null;
            form.Add(part, name);
        }
        void File(string name, ImageFile image)
        {
            var part = new StreamContent(new FileStream(image.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
            part.Headers.ContentType = new MediaTypeHeaderValue(image.MimeType);
            form.Add(part, name, image.FileName);
        }

        Field("model", prepared.Model.Id);
        Field("prompt", r.Prompt);
        Field("seconds", seconds);
        Field("duration", seconds);
        Field("size", prepared.Size.ToString());
        Field("resolution", r.Resolution);
        Field("aspectRatio", r.AspectRatio);
        // Without metadata the gateway renders 4K requests at 1080p; stock new-api builds Veo's parameters from metadata
        // alone (relay/channel/task/gemini/adaptor.go), so the negative prompt and seed go there as well.
        Field("metadata", Metadata(r));
        if (!string.IsNullOrWhiteSpace(r.NegativePrompt)) Field("negativePrompt", r.NegativePrompt!.Trim());
        if (r.Seed is { } seed) Field("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (prepared.ReferenceImages.Count > 0) Field("referenceType", "asset");
        if (prepared.FirstFrame is { } first) File("input_reference", first);
        if (prepared.LastFrame is { } last) File("last_frame", last);
        foreach (var reference in prepared.ReferenceImages) File("referenceImages", reference);
        return form;
    }

    private static string Metadata(VideoRequest r)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("durationSeconds", r.DurationSeconds);
            json.WriteString("resolution", r.Resolution);
            json.WriteString("aspectRatio", r.AspectRatio);
            if (!string.IsNullOrWhiteSpace(r.NegativePrompt)) json.WriteString("negativePrompt", r.NegativePrompt!.Trim());
            if (r.Seed is { } seed) json.WriteNumber("seed", seed);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private VideoTask ReadTask(JsonElement json, bool creating = false)
    {
        // Stock new-api's older task path wraps the task: {"code":"success","data":{"task_id","status":"SUCCESS","progress":"100%"}}.
        if (json.Prop("data") is { ValueKind: JsonValueKind.Object } data && (data.Str("id") ?? data.Str("task_id")) is not null) json = data;
        var id = json.Str("id") ?? json.Str("task_id") ?? throw _channel.Malformed("The task id (id or task_id)", json);
        // A create answered with an id is a created task whatever its status says; a poll needs a status it can read.
        var statusText = json.Str("status") ?? (creating ? "" : throw _channel.Malformed("The task status", json));
        var status = VideoTaskStatusExtensions.Parse(statusText) ?? (creating ? VideoTaskStatus.Queued : throw _channel.Malformed($"A known status (got '{statusText}')", json));
        var error = json.Prop("error");
        return new VideoTask
        {
            Id = id,
            Route = Route.Name,
            BaseUri = Route.BaseUri,
            Model = json.Str("model") ?? "",
            Status = status,
            Progress = (int)(json.Long("progress") ?? 0),
            CreatedAt = json.UnixTime("created_at"),
            CompletedAt = json.UnixTime("completed_at"),
            Error = error switch
            {
                { ValueKind: JsonValueKind.Object } e => e.Str("message") ?? e.GetRawText(),
                { ValueKind: JsonValueKind.String } e => e.GetString(),
                _ => status == VideoTaskStatus.Failed ? json.Str("fail_reason") ?? "The service reported the task as failed without a reason." : null,
            },
            ErrorCode = error is { ValueKind: JsonValueKind.Object } ec ? ec.Str("code") : null,
        };
    }

    private Uri Uri(string relative) => new(Route.BaseUri, relative);

    private static string Escape(string id) => System.Uri.EscapeDataString(id);
}
