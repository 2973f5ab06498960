namespace Veo.Emulator.Tests;

/// <summary>
/// Which host serves the core in a test: Kestrel on a loopback port, the in-process handler with no socket, or the
/// module's own loopback listener (Start-VeoEmulator -Listen).
/// </summary>
public enum EmulatorHostKind { Kestrel, InProcess, Listener }

/// <summary>
/// A <see cref="VeoEmulator"/> behind one of its hosts, and clients for it. VEO_EMULATOR_HOST=InProcess or Listener
/// runs a whole test run on that host (the fault tests run on every host in every run, see InProcessFaultTests and
/// ListenerHostTests).
/// </summary>
public sealed class HostedEmulator : IAsyncDisposable
{
    // In-process requests still name an origin (the CDN paths swap 127.0.0.1 and localhost); nothing listens on it.
    private static readonly Uri InProcessBaseUri = new("http://127.0.0.1:5080/");

    private readonly EmulatorServer? server;
    private readonly EmulatorListener? listener;

    private HostedEmulator(VeoEmulator emulator, EmulatorServer? server, EmulatorListener? listener)
    {
        Emulator = emulator;
        this.server = server;
        this.listener = listener;
    }

    public static EmulatorHostKind DefaultKind =>
        Enum.TryParse<EmulatorHostKind>(Environment.GetEnvironmentVariable("VEO_EMULATOR_HOST"), ignoreCase: true, out var kind)
            ? kind
            : EmulatorHostKind.Kestrel;

    public VeoEmulator Emulator { get; }

    public Uri BaseUri => server?.BaseUri ?? listener?.BaseUri ?? InProcessBaseUri;

    public static async Task<HostedEmulator> StartAsync(EmulatorOptions options, EmulatorHostKind kind)
    {
        var emulator = new VeoEmulator(options);
        return kind switch
        {
            EmulatorHostKind.Kestrel => new HostedEmulator(emulator, await EmulatorServer.StartAsync(emulator), null),
            EmulatorHostKind.Listener => new HostedEmulator(emulator, null, EmulatorListener.Start(emulator)),
            _ => new HostedEmulator(emulator, null, null),
        };
    }

    /// <summary>A client that follows redirects as HttpClientHandler does unless told not to.</summary>
    public HttpClient CreateClient(bool followRedirects = true)
    {
        HttpMessageHandler handler = server is not null || listener is not null
            ? new HttpClientHandler { AllowAutoRedirect = followRedirects }
            : followRedirects ? new RedirectFollower(Emulator.CreateHandler()) : Emulator.CreateHandler();
        return new HttpClient(handler) { BaseAddress = BaseUri };
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
        listener?.Dispose();
    }

    /// <summary>What HttpClientHandler's automatic redirects do, for the in-process handler: GET the Location, without Authorization.</summary>
    private sealed class RedirectFollower(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            for (var hop = 0; hop < 50 && (int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location; hop++)
            {
                var next = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, location));
                foreach (var header in request.Headers.Where(h => h.Key != "Authorization")) next.Headers.TryAddWithoutValidation(header.Key, header.Value);
                response.Dispose();
                request = next;
                response = await base.SendAsync(request, cancellationToken);
            }
            return response;
        }
    }
}
