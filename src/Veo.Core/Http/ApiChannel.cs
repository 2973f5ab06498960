using System.Net;
using System.Text.Json;
using Polly;
using Veo.Core.Tasks;

namespace Veo.Core.Http;

/// <summary>
/// One route's way to the network: the shared client, the resilience pipelines, the key header,
/// and the translation of refusals into <see cref="ApiException"/>. Providers build requests; this sends them.
/// </summary>
internal sealed class ApiChannel
{
    private readonly HttpClient _http;
    private readonly ApiKey _key;
    private readonly Action<HttpRequestMessage, ApiKey> _authorize;
    private readonly ResiliencePipeline<HttpResponseMessage> _reads;
    private readonly ResiliencePipeline<HttpResponseMessage> _readsOnce;
    private readonly ResiliencePipeline<HttpResponseMessage> _creates;

    private readonly IEngineLog _log;
    private readonly Uri _origin;
    private readonly Routes.Dialect? _dialect;

    /// <param name="origin">The route's base URI: the key is sent to its scheme, host and port and nowhere else.</param>
    /// <param name="dialect">How the service's error answers to a create read (what proves nothing was made); null where nothing is created.</param>
    public ApiChannel(string route, Uri origin, ApiKey key, HttpPolicy policy, Action<HttpRequestMessage, ApiKey> authorize, IEngineLog? log = null, HttpClient? http = null,
        Routes.Dialect? dialect = null)
    {
        Route = route;
        _dialect = dialect;
        _origin = origin;
        Policy = policy;
        _key = key;
        _authorize = authorize;
        _log = log ?? NullEngineLog.Instance;
        _http = http ?? policy.Transport ?? SharedHttpClient.Instance;
        _reads = ResiliencePipelines.ForReads(policy, route, _log);
        _readsOnce = ResiliencePipelines.ForReads(policy with { MaxRetries = 0 }, route, _log);
        _creates = ResiliencePipelines.ForCreates(policy, route, _log);
    }

    public string Route { get; }
    public HttpPolicy Policy { get; }

    /// <summary>A channel that sends the key as "Authorization: Bearer", as the OpenAI-style gateways want.</summary>
    public static ApiChannel Bearer(string route, Uri origin, ApiKey key, HttpPolicy policy, IEngineLog? log = null, Routes.Dialect? dialect = null) =>
        new(route, origin, key, policy, (request, k) => request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", k.Reveal()), log, dialect: dialect);

    /// <summary>
    /// Streams a finished video from the URL its task carries (asking the service for it if the task
    /// has none yet). A 404 there right after completion means "not ready yet", not "gone".
    /// </summary>
    public async Task DownloadFromTaskUrlAsync(Veo.Core.Tasks.VideoTask task, Uri baseUri, Func<Task<string?>> fetchUrl, bool authorize, Stream destination, CancellationToken cancellationToken)
    {
        var url = task.VideoUrl ?? await fetchUrl().ConfigureAwait(false)
            ?? throw new ContentNotReadyException(task.Id, "the service has not given the video's address yet");
        using var response = await DownloadAsync(new Uri(baseUri, url), authorize,
            (r, body) => r.StatusCode == HttpStatusCode.NotFound ? new ContentNotReadyException(task.Id, ErrorBody.Parse(body).Message) : null,
            cancellationToken).ConfigureAwait(false);
        await CopyBodyAsync(response, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a paid create once (see <see cref="ResiliencePipelines.ForCreates"/>) and reads the task from its answer
    /// with <paramref name="read"/>. Once the request may have reached the server, an answer that never comes, breaks
    /// off, is garbage or lacks the task's fields is an <see cref="AmbiguousCreateException"/>: a task may exist.
    /// </summary>
    public async Task<T> CreateAsync<T>(Func<HttpRequestMessage> build, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(_creates, build, authorize: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && !NetworkFailures.NeverReachedServer(e) && IsLostAnswer(e))
        {
            throw new AmbiguousCreateException(Route, e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // SendAsync already read the body. What it proves is the dialect's (Quotas.CreateRefusals.Read): a proxy's
                // 502/504 or a bare 500 can come after the upstream made (and billed) the task.
                var note = _key.Redact(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
                var refusal = ToApiException(response, note);
                switch (Quotas.CreateRefusals.Read(_dialect, response.StatusCode, note))
                {
                    case Quotas.CreateAnswer.MayHaveMade:
                        throw new AmbiguousCreateException(Route, refusal);
                    case Quotas.CreateAnswer.SendAgain:
                        throw new ApiException(Route, refusal.StatusCode, refusal.ErrorCode, refusal.ServerMessage, refusal.RequestId, refusal.RetryAfter) { MaySendAgain = true };
                    default:
                        throw refusal;
                }
            }
            string? body = null;
            try
            {
                body = _key.Redact(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
                using var answer = ParseJson(response, body);
                return read(answer.RootElement);
            }
            catch (Exception e) when (response.IsSuccessStatusCode && !cancellationToken.IsCancellationRequested)
            {
                // The server accepted the create (2xx) but its answer broke off or cannot be read as a task: a task
                // may exist and be billed. Whatever id it named is kept.
                throw new AmbiguousCreateException(Route, e, body is null ? null : IdHints.Find(body));
            }
            catch (Exception e) when (!response.IsSuccessStatusCode && IsLostAnswer(e))
            {
                // A refusal whose explanation broke off is still a refusal.
                throw new ApiException(Route, response.StatusCode, null, $"the error answer broke off ({e.Message})", RequestId(response));
            }
        }
    }

    private static bool IsLostAnswer(Exception e) => e is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException;

    public async Task<JsonDocument> GetJsonAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(_reads, build, authorize: true, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A read whose answer is too large to take whole (Vertex AI's operations carry the videos inline): sent through the
    /// read pipeline and returned at its headers, for the caller to stream with <see cref="CopyBodyAsync"/>. Refusals are thrown.
    /// </summary>
    public async Task<HttpResponseMessage> OpenAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var response = await SendAsync(_reads, build, authorize: true, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            // SendAsync kept at most 64 KiB of the refusal.
            var body = _key.Redact(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            throw ToApiException(response, body);
        }
    }

    /// <summary>
    /// A read whose answer carries whole videos as base64 strings in <paramref name="field"/> (Vertex AI's operations, the
    /// Interactions API's video content): streamed through <see cref="InlineBase64Field"/>, so every such value is left out of
    /// the JSON kept and occurrence <paramref name="decode"/> (-1 for none) is decoded into <paramref name="destination"/>
    /// on the way. The JSON kept is bounded by <see cref="HttpPolicy.MaxAnswerBytes"/>, the whole answer by <paramref name="maxTotal"/>.
    /// </summary>
    public async Task<InlineAnswer> ReadInlineVideosAsync(Func<HttpRequestMessage> build, string field, int decode, Stream? destination, long maxTotal,
        CancellationToken cancellationToken)
    {
        var scanner = new InlineBase64Field(field, decode, destination, Policy.MaxAnswerBytes, maxTotal);
        using (var response = await OpenAsync(build, cancellationToken).ConfigureAwait(false))
            await CopyBodyAsync(response, scanner, cancellationToken).ConfigureAwait(false);
        var kept = _key.Redact(System.Text.Encoding.UTF8.GetString(scanner.KeptJson()));
        try
        {
            return new InlineAnswer(JsonDocument.Parse(kept), scanner.Decoded);
        }
        catch (JsonException)
        {
            throw new ApiException(Route, HttpStatusCode.OK, "malformed_response", $"the answer is not valid JSON: {ErrorBody.Truncate(kept)}", null);
        }
    }

    /// <summary>
    /// A download whose body the caller streams. Redirects are followed here, not by the client, so the
    /// key goes only to the host it was meant for: storage hosts get a signed URL and never the key.
    /// Refusals become exceptions; <paramref name="refusal"/> may claim them first (e.g. "not ready yet").
    /// </summary>
    public async Task<HttpResponseMessage> DownloadAsync(Uri uri, bool authorize, Func<HttpResponseMessage, string, Exception?> refusal, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            var target = uri;
            var response = await SendAsync(_reads, () => new HttpRequestMessage(HttpMethod.Get, target), authorize, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            if (IsRedirect(response) && response.Headers.Location is { } location && hop < MaxRedirects)
            {
                // The key follows only while the hops stay on the route's own origin (SendAsync sees to it).
                var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                response.Dispose();
                uri = next;
                continue;
            }
            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                // SendAsync kept at most 64 KiB of the refusal, read within half the attempt.
                var body = _key.Redact(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
                if (UndeliverableVideo.Is(response)) throw new VideoUndeliverableException(Route, ErrorBody.Parse(body).Message);
                throw refusal(response, body) ?? ToApiException(response, body);
            }
        }
    }

    private const int MaxRedirects = 5;

    /// <summary>Enough of an error answer to quote it; the rest of a flood is not read.</summary>
    private const int ErrorTextLimit = 64 * 1024;

    /// <summary>Half the attempt: an error answer that stalls is reported with what came, before the attempt itself times out.</summary>
    private TimeSpan ErrorBodyTimeout => TimeSpan.FromTicks(Policy.AttemptTimeout.Ticks / 2);

    /// <summary>
    /// Whatever a server says (a video URI, a redirect, a file link), the key goes only to the scheme, host and port
    /// of the route it belongs to: a URL naming another host is fetched without it.
    /// </summary>
    private bool IsOwnOrigin(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && Uri.Compare(uri, _origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is 301 or 302 or 303 or 307 or 308;

    /// <summary>
    /// JSON answers are read whole inside the attempt, so a body that stalls half way hits the attempt timeout
    /// (and a read is retried); downloads return at the headers and are guarded per read by <see cref="CopyBodyAsync"/>.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(ResiliencePipeline<HttpResponseMessage> pipeline, Func<HttpRequestMessage> build, bool authorize,
        CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        await (ReferenceEquals(pipeline, _reads) && ReadRetries.AreOff ? _readsOnce : pipeline).ExecuteAsync(async ct =>
        {
            var request = build();
            if (authorize && IsOwnOrigin(request.RequestUri)) _authorize(request, _key);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var exchange = $"{Route}: {request.Method} {_key.Redact(request.RequestUri?.ToString() ?? "")}";
            try
            {
                var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                _log.Debug($"{exchange} -> {(int)response.StatusCode} {response.StatusCode} in {clock.ElapsedMilliseconds} ms");
                if (completion == HttpCompletionOption.ResponseContentRead) await BoundedBody.BufferAsync(response, Policy.MaxAnswerBytes, ct).ConfigureAwait(false);
                else if (!response.IsSuccessStatusCode) await BoundedBody.BufferErrorAsync(response, ErrorTextLimit, ErrorBodyTimeout, ct).ConfigureAwait(false);
                return response;
            }
            catch (Exception e)
            {
                _log.Debug($"{exchange} -> {e.GetType().Name}: {_key.Redact(e.Message)} after {clock.ElapsedMilliseconds} ms");
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Streams a download to disk; a server that stops sending for an attempt timeout fails it rather than hang.</summary>
    public Task CopyBodyAsync(HttpResponseMessage response, Stream destination, CancellationToken cancellationToken) =>
        ResponseStreams.CopyAsync(response, destination, Policy.AttemptTimeout, Policy.DownloadDeadline, cancellationToken);

    private async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Whatever a server echoes (a key in an error code, a failed task's reason, a status text) reaches messages,
        // streams and the journal only after the key is removed: redacted here, before a field is read.
        var body = _key.Redact(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        cancellationToken.ThrowIfCancellationRequested();
        return ParseJson(response, body);
    }

    private JsonDocument ParseJson(HttpResponseMessage response, string body)
    {
        if (!response.IsSuccessStatusCode) throw ToApiException(response, body);
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new ApiException(Route, response.StatusCode, "malformed_response",
                $"the answer is not valid JSON: {_key.Redact(ErrorBody.Truncate(body))}", RequestId(response));
        }
    }

    public ApiException ToApiException(HttpResponseMessage response, string body)
    {
        var (code, message) = ErrorBody.Parse(body);
        return new ApiException(Route, response.StatusCode, code, _key.Redact(message), RequestId(response), ResiliencePipelines.RetryAfter(response));
    }

    /// <summary>A required field was missing: say so and quote what the server did send.</summary>
    public ApiException Malformed(string what, JsonElement body) =>
        new(Route, HttpStatusCode.OK, "malformed_response", $"{what} is missing from the answer: {_key.Redact(ErrorBody.Truncate(body.GetRawText()))}", null);

    private static string? RequestId(HttpResponseMessage response)
    {
        foreach (var name in new[] { "x-request-id", "x-oneapi-request-id", "x-goog-request-id", "request-id" })
            if (response.Headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
        return null;
    }
}

/// <summary>An answer read by <see cref="ApiChannel.ReadInlineVideosAsync"/>: its JSON without the videos, and whether the chosen one was written whole.</summary>
internal sealed record InlineAnswer(JsonDocument Json, bool Decoded) : IDisposable
{
    public void Dispose() => Json.Dispose();
}
