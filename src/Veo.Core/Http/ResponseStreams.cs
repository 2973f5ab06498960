namespace Veo.Core.Http;

internal static class ResponseStreams
{
    private const int BufferSize = 81920;

    /// <summary>
    /// Streams a body to disk through a fixed buffer, so memory stays flat whatever the video's size.
    /// Each read must bring data within <paramref name="idleTimeout"/>: a stalled server fails the
    /// download (which is then retried) instead of holding it forever.
    /// </summary>
    public static async Task CopyAsync(HttpResponseMessage response, Stream destination, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        if (destination is Tasks.DownloadTarget target && response.Content.Headers.ContentLength is { } announced) target.Announce(announced);
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var buffer = new byte[BufferSize];
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            idle.CancelAfter(idleTimeout);
            int read;
            try
            {
                read = await body.ReadAsync(buffer, 0, buffer.Length, idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The server sent nothing for {idleTimeout.TotalSeconds:0.#} s in the middle of the download.");
            }
            if (read == 0) return;
            await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
        }
    }
}
