namespace Veo.Core.Http;

/// <summary>
/// Sends requests for some origins (scheme, host and port) to a handler in this process, such as the emulator, and
/// all others to the network: a session pointed at the emulator still reaches any route it did not point there.
/// </summary>
internal sealed class OriginRoutingHandler : HttpMessageHandler
{
    private readonly HashSet<string> _origins;
    private readonly HttpMessageInvoker _local;
    private readonly HttpMessageInvoker _network;

    public OriginRoutingHandler(IEnumerable<Uri> localOrigins, HttpMessageHandler local, HttpMessageInvoker network)
    {
        _origins = new HashSet<string>(localOrigins.Select(Origin), StringComparer.OrdinalIgnoreCase);
        _local = new HttpMessageInvoker(local, disposeHandler: true);
        _network = network;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        (request.RequestUri is { IsAbsoluteUri: true } uri && _origins.Contains(Origin(uri)) ? _local : _network).SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _local.Dispose();
        base.Dispose(disposing);
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
