using System.Net;

namespace Veo.Core.Http;

/// <summary>One HttpClient for the process: sockets are pooled and DNS changes still seen.</summary>
internal static class SharedHttpClient
{
    private static readonly Lazy<HttpClient> Lazy = new(Create);

    public static HttpClient Instance => Lazy.Value;

    private static HttpClient Create()
    {
        // On .NET Core this handler is SocketsHttpHandler underneath; on .NET Framework, HttpWebRequest.
        var handler = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            MaxConnectionsPerServer = 32,
            // Downloads follow redirects themselves (ApiChannel.DownloadAsync) so keys never travel to another host.
            AllowAutoRedirect = false,
        };
        // Timeouts belong to the resilience pipeline (per attempt) and to the caller's token.
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"Veo-PowerShell/{typeof(SharedHttpClient).Assembly.GetName().Version}");
        return client;
    }
}
