namespace Veo.Core.Http;

internal static class ResponseStreams
{
    /// <summary>Streams a body to disk through a fixed buffer: memory stays flat whatever the video's size.</summary>
    public static async Task CopyAsync(HttpResponseMessage response, Stream destination, CancellationToken cancellationToken)
    {
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await body.CopyToAsync(destination, 81920, cancellationToken).ConfigureAwait(false);
    }
}
