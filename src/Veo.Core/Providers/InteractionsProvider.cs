using System.Collections.Concurrent;
using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Providers;

/// <summary>
/// Google's Interactions API (Gemini Omni on the Gemini API), as @google/genai 3.6.1's interactions client calls it
/// (dist/index.mjs: pathToFunc("/{api_version}/interactions"), ".../{interactionsId}", ".../{interactionsId}/cancel";
/// api_version "v1", GOOGLE_AI_API_DEFAULT_VERSION; the key as x-goog-api-key, applyAuth). Field names live in
/// <see cref="InteractionsWire"/>. A finished interaction may carry the video inline as base64 (tens of MB): every answer
/// is streamed past it (<see cref="ApiChannel.ReadInlineVideosAsync"/>, the Vertex route's decoder), never held whole.
/// </summary>
internal sealed class InteractionsProvider : IVideoProvider, ICancellableVideoProvider, Models.IModelListProvider
{
    private const string ApiVersion = "v1/";
    private readonly ApiChannel _channel;
    private readonly HttpPolicy _policy;

    /// <summary>Which "data" value of a task's answer is its video, once an answer showed it is not the first.</summary>
    private readonly ConcurrentDictionary<string, int> _videoOccurrence = new();

    public InteractionsProvider(VideoRoute route, ApiKey key, HttpPolicy policy, IEngineLog log)
    {
        Route = route;
        _policy = policy;
        _channel = new ApiChannel(route.Name, route.BaseUri, key, policy, (request, k) => request.Headers.Add("x-goog-api-key", k.Reveal()), log);
    }

    public VideoRoute Route { get; }

    /// <summary>The Gemini Omni models the Gemini API lists (<see cref="Models.ModelLists.GeminiAsync"/>).</summary>
    public Task<IReadOnlyList<Models.ListedModel>> ListModelsAsync(CancellationToken cancellationToken) =>
        Models.ModelLists.GeminiAsync(_channel, Route.BaseUri, cancellationToken, omni: true);

    public async Task<VideoTask> CreateAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        var uri = Uri("interactions");
        return await _channel.CreateAsync(() => new HttpRequestMessage(HttpMethod.Post, uri) { Content = InteractionsWire.Body(request) },
            answer => InteractionsWire.Read(answer, answer.Str("id") ?? throw _channel.Malformed("The interaction id", answer), Shell(request.Model.Id)),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<VideoTask> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var answer = await ReadAsync(id, decode: -1, destination: null, cancellationToken).ConfigureAwait(false);
        if (InteractionsWire.InlineOccurrence(answer.Json.RootElement) is { } occurrence) _videoOccurrence[id] = occurrence;
        return InteractionsWire.Read(answer.Json.RootElement, id, Shell(""));
    }

    public async Task<VideoTask> CancelAsync(string id, CancellationToken cancellationToken)
    {
        var uri = Uri($"interactions/{Escape(id)}/cancel");
        // Not paid, and cancelling twice is cancelling once: it goes through the read pipeline, retried like a poll.
        using var answer = await _channel.GetJsonAsync(() => new HttpRequestMessage(HttpMethod.Post, uri), cancellationToken).ConfigureAwait(false);
        return InteractionsWire.Read(answer.RootElement, id, Shell(""));
    }

    /// <summary>
    /// A uri is fetched as the Gemini route fetches its files (the key only on the route's own origin); an inline video is
    /// decoded from the interaction's answer as it streams. Without input images echoed back the video is the answer's first
    /// "data"; when an answer shows otherwise, the try ends and the saver starts again, now decoding the right one.
    /// </summary>
    public async Task DownloadAsync(VideoTask task, Stream destination, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(task.VideoUrl))
        {
            await _channel.DownloadFromTaskUrlAsync(task with { VideoUrl = GeminiProvider.FileDownload(task.VideoUrl) }, Route.BaseUri,
                async () => GeminiProvider.FileDownload((await GetAsync(task.Id, cancellationToken).ConfigureAwait(false)).VideoUrl),
                authorize: true, destination, cancellationToken).ConfigureAwait(false);
            return;
        }
        var chosen = _videoOccurrence.TryGetValue(task.Id, out var known) ? known : 0;
        using var answer = await ReadAsync(task.Id, chosen, destination, cancellationToken).ConfigureAwait(false);
        var read = InteractionsWire.Read(answer.Json.RootElement, task.Id, Shell(task.Model));
        if (read.Status != VideoTaskStatus.Completed)
        {
            if (read.Status == VideoTaskStatus.Failed) throw new VideoUndeliverableException(Route.Name, read.Error ?? "the interaction failed");
            throw new ContentNotReadyException(task.Id, $"the interaction is {read.Status}");
        }
        if (read.VideoUrl is { } uri)
        {
            // Answered by address after all (delivery is the service's to choose): fetched from there, on a fresh try.
            await DownloadAsync(task with { VideoUrl = uri }, destination, cancellationToken).ConfigureAwait(false);
            return;
        }
        var right = InteractionsWire.InlineOccurrence(answer.Json.RootElement);
        if (right is { } occurrence && (occurrence != chosen || !answer.Decoded))
        {
            _videoOccurrence[task.Id] = occurrence;
            throw new IOException($"The answer for {task.Id} held its video as inline value {occurrence + 1}, not {chosen + 1}; reading it again.");
        }
    }

    /// <summary>GET v1/interactions/{id}, streamed: bounded by one video as base64 plus the JSON limit, not by the JSON limit alone.</summary>
    private Task<InlineAnswer> ReadAsync(string id, int decode, Stream? destination, CancellationToken cancellationToken)
    {
        var uri = Uri($"interactions/{Escape(id)}");
        var maxTotal = _policy.MaxVideoBytes / 3 * 4 + _policy.MaxAnswerBytes;
        return _channel.ReadInlineVideosAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), InteractionsWire.InlineData, decode, destination, maxTotal, cancellationToken);
    }

    private VideoTask Shell(string model) => new() { Route = Route.Name, BaseUri = Route.BaseUri, Model = model, Status = VideoTaskStatus.Queued };

    private Uri Uri(string relative) => new(Route.BaseUri, ApiVersion + relative);

    /// <summary>
    /// An interaction id for a path. A Veo operation the route made before (models/.../operations/...) is not one: its
    /// service is gone (Veo was shut down on the Gemini API on 2026-10-22), said instead of a 404 about an interaction.
    /// </summary>
    private string Escape(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("An interaction id is empty.");
        if (id.StartsWith("models/", StringComparison.Ordinal) && id.Contains("/operations/"))
            throw new ArgumentException(
                $"Task {id} is a Veo operation of the Gemini API (predictLongRunning), which {Route.Name} no longer speaks: Veo was shut down there on 2026-10-22 " +
                "(Google's deprecations page, as docs.apiyi.com quoted it), and Google kept a finished video for 2 days only. Make it again with -Route Vertex (Veo 3.1) or -Model Omni.");
        return System.Uri.EscapeDataString(id);
    }
}
