using System.Net;

namespace Veo.Core.Http;

/// <summary>One HttpClient for the process: sockets are pooled and DNS changes still seen.</summary>
internal static class SharedHttpClient
{
    private static readonly Lazy<HttpMessageHandler> Network = new(CreateNetworkHandler);
    private static readonly Lazy<HttpClient> Lazy = new(() => Configure(new HttpClient(Network.Value, disposeHandler: false)));

    public static HttpClient Instance => Lazy.Value;

    /// <summary>
    /// A client that answers <paramref name="localOrigins"/> with <paramref name="local"/> (an in-process server) and
    /// sends every other request over the process's one network handler, with the same defaults as <see cref="Instance"/>.
    /// </summary>
    public static HttpClient WithLocalOrigins(IEnumerable<Uri> localOrigins, HttpMessageHandler local) =>
        Configure(new HttpClient(new OriginRoutingHandler(localOrigins, local, new HttpMessageInvoker(Network.Value, disposeHandler: false))));

    private static HttpMessageHandler CreateNetworkHandler() =>
        // On .NET Core this handler is SocketsHttpHandler underneath; on .NET Framework, HttpWebRequest.
        new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            MaxConnectionsPerServer = 32,
            // Downloads follow redirects themselves (ApiChannel.DownloadAsync) so keys never travel to another host.
            AllowAutoRedirect = false,
        };

    private static HttpClient Configure(HttpClient client)
    {
        // Timeouts belong to the resilience pipeline (per attempt) and to the caller's token.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"Veo-PowerShell/{typeof(SharedHttpClient).Assembly.GetName().Version}");
        return client;
    }
}
