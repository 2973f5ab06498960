using System.Net;
using System.Net.Sockets;

namespace Veo.Emulator;

/// <summary>
/// Serves a <see cref="VeoEmulator"/> inside the process: an HttpClient built on this handler talks to the emulator
/// with no socket and no web server. What a socket would show is kept: a dropped connection is the
/// HttpRequestException over an IOException that SocketsHttpHandler throws on a reset, a truncated body an IOException
/// mid-read after the full Content-Length was promised, and a slow answer honours the client's cancellation.
/// Redirects are answered, not followed, as Veo's own client (AllowAutoRedirect = false) expects.
/// </summary>
public sealed class EmulatorHandler : HttpMessageHandler
{
    private readonly VeoEmulator emulator;

    public EmulatorHandler(VeoEmulator emulator) => this.emulator = emulator ?? throw new ArgumentNullException(nameof(emulator));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (!uri.IsAbsoluteUri) throw new InvalidOperationException("The request URI must be absolute (set the client's BaseAddress).");

        var body = request.Content is null ? null : await request.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var emulated = new EmulatorRequest(request.Method.Method, uri.Scheme, request.Headers.Host ?? uri.Authority,
            Uri.UnescapeDataString(uri.AbsolutePath), uri.Query, WireHeaders(request, uri), body);

        var answer = await emulator.HandleAsync(emulated, cancellationToken).ConfigureAwait(false);
        if (answer.IsDropped) throw ConnectionReset();
        return ToResponseMessage(answer, request);
    }

    private static HttpResponseMessage ToResponseMessage(EmulatorResponse answer, HttpRequestMessage request)
    {
        var stream = answer.TruncateAfter is { } after ? new TruncatedStream(answer.Body, after, answer.ContentLength) : answer.Body;
        var content = new StreamContent(stream);
        content.Headers.ContentLength = answer.ContentLength;
        if (answer.ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", answer.ContentType);

        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode) { Content = content, RequestMessage = request };
        foreach (var header in answer.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value)) content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return response;
    }

    /// <summary>The headers as they would cross the wire: the request's and its content's, Host and Content-Length included.</summary>
    private static IEnumerable<KeyValuePair<string, string>> WireHeaders(HttpRequestMessage request, Uri uri)
    {
        if (request.Headers.Host is null) yield return new KeyValuePair<string, string>("Host", uri.Authority);
        foreach (var header in request.Headers) yield return Joined(header);
        if (request.Content is null) yield break;
        foreach (var header in request.Content.Headers) yield return Joined(header);
    }

    private static KeyValuePair<string, string> Joined(KeyValuePair<string, IEnumerable<string>> header) =>
        new(header.Key, string.Join(header.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) ? " " : ", ", header.Value));

    // What SocketsHttpHandler throws when the server resets the connection instead of answering.
    private static HttpRequestException ConnectionReset() =>
        new("An error occurred while sending the request.",
            new IOException("Unable to read data from the transport connection: Connection reset by peer.",
                new SocketException((int)SocketError.ConnectionReset)));
}
