
namespace Veo.Core.Http;

/// <summary>
/// Reads a JSON answer whole, but never more than a limit: a server that promises or streams megabytes without end is
/// refused with a clear error instead of filling memory. Done inside the HTTP attempt, so its timeout covers the read.
/// </summary>
internal static class BoundedBody
{
    public static async Task BufferAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } promised && promised > limit)
        {
            response.Dispose();
            throw new AnswerTooLargeException($"The server announced an answer of {promised:N0} bytes; Veo reads at most {limit:N0} bytes of JSON.");
        }
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > limit)
            {
                response.Dispose();
                throw new AnswerTooLargeException($"The server's answer went past {limit:N0} bytes; Veo reads at most that much JSON and stopped reading.");
            }
            copy.Write(buffer, 0, read);
        }
        var content = new ByteArrayContent(copy.ToArray());
        foreach (var header in response.Content.Headers) content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        content.Headers.ContentLength = copy.Length;
        response.Content = content;
    }

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes of an error answer to a streamed request, inside the attempt, and
    /// keeps them as its content: the retry rules can then read why it was refused, and a flood is cut off.
    /// </summary>
    public static async Task BufferErrorAsync(HttpResponseMessage response, int limit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var bytes = new MemoryStream();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        try
        {
            using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[8192];
            int read;
            while (bytes.Length < limit && (read = await body.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, limit - bytes.Length), budget.Token).ConfigureAwait(false)) > 0)
                bytes.Write(buffer, 0, read);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // A refusal whose explanation stalls or breaks off is still a refusal: keep what came.
            var note = System.Text.Encoding.UTF8.GetBytes(" (the answer broke off)");
            bytes.Write(note, 0, note.Length);
        }
        var content = new ByteArrayContent(bytes.ToArray());
        foreach (var header in response.Content.Headers) content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        content.Headers.ContentLength = bytes.Length;
        response.Content = content;
    }
}
