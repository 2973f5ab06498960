namespace Veo.Core.Http;

internal static class ResponseStreams
{
    private const int BufferSize = 81920;

    /// <summary>
    /// Streams a body to disk through a fixed buffer, so memory stays flat whatever the video's size.
    /// Each read must bring data within <paramref name="idleTimeout"/>: a stalled server fails the
    /// download (which is then retried) instead of holding it forever.
    /// </summary>
    /// <param name="deadline">The whole download's limit: a body that trickles never trips the idle timeout, this ends it.</param>
    public static async Task CopyAsync(HttpResponseMessage response, Stream destination, TimeSpan idleTimeout, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var endBy = DateTimeOffset.UtcNow + deadline;
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
            if (DateTimeOffset.UtcNow > endBy)
                throw new TimeoutException($"The download took longer than {deadline.TotalMinutes:0.#} minutes; the server is sending too slowly (HttpPolicy.DownloadDeadline).");
            await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
        }
    }
}
