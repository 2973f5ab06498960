using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Veo.Emulator;

/// <summary>
/// One client connection to an <see cref="EmulatorListener"/>: HTTP/1.1 requests one after another (keep-alive, as
/// HttpClient pools connections), each handed to the core as it came and answered as the core shaped it. A dropped
/// answer resets the connection (RST, what a client sees as "connection reset by peer"); a truncated one sends its
/// first bytes and closes before the promised Content-Length ("the response ended prematurely").
/// </summary>
internal sealed class ListenerConnection
{
    // What a client may still be sending after the core answered without reading its body: read and discarded up to
    // this, so closing never resets a connection whose answer the client has yet to read.
    private const long DrainLimit = 64L * 1024 * 1024;
    private const int CopyBufferSize = 81920;

    // RFC 9110 section 10.1.1: a client that asked to be told may wait for this before sending the body (Windows
    // PowerShell's HttpWebRequest asks by default).
    private static readonly byte[] Continue = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");

    private readonly VeoEmulator emulator;
    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly ConnectionReader reader;
    private readonly string authority;
    private readonly TimeSpan idleLimit;

    public ListenerConnection(VeoEmulator emulator, Socket socket, string authority, TimeSpan idleLimit)
    {
        this.idleLimit = idleLimit;
        this.emulator = emulator;
        this.socket = socket;
        this.authority = authority;
        stream = new NetworkStream(socket, ownsSocket: false);
        reader = new ConnectionReader(stream);
    }

    public async Task ServeAsync(CancellationToken stopping)
    {
        try
        {
            while (await NextHeadAsync(stopping).ConfigureAwait(false) is { } head)
            {
                if (!await ServeAsync(head, stopping).ConfigureAwait(false)) return;
            }
            Close();
        }
        catch (InvalidDataException)
        {
            await AnswerBadRequestAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the listener is stopping: nothing more can be answered here.
            Reset();
        }
    }

    /// <summary>The next request's head, or null when the client closed; a client silent past the idle limit is cut off (cancelled).</summary>
    private async Task<RequestHead?> NextHeadAsync(CancellationToken stopping)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        idle.CancelAfter(idleLimit);
        return await RequestHead.ReadAsync(reader, idle.Token).ConfigureAwait(false);
    }

    /// <summary>Ends the connection at once (the listener is stopping): a reset, so no socket lingers on the port.</summary>
    public void Reset()
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        socket.Dispose();
    }

    /// <summary>Answers one request; false when the connection must end after it.</summary>
    private async Task<bool> ServeAsync(RequestHead head, CancellationToken stopping)
    {
        var body = OpenBody(head, stopping);
        if (head.HasToken("Expect", "100-continue")) await stream.WriteAsync(Continue, 0, Continue.Length, stopping).ConfigureAwait(false);

        var (path, query) = SplitTarget(head.Target);
        var request = new EmulatorRequest(head.Method, "http", head["Host"] ?? authority, path, query, head.Fields, body);
        var answer = await emulator.HandleAsync(request, stopping).ConfigureAwait(false);
        if (answer.IsDropped)
        {
            Reset();
            return false;
        }

        using (answer.Body)
        {
            var drained = await body.DrainAsync(DrainLimit).ConfigureAwait(false);
            var keepAlive = head.KeepsAlive && answer.TruncateAfter is null && drained;
            var hasBody = answer.StatusCode is >= 200 and not (204 or 304);
            var headBytes = ResponseHead(answer, hasBody, keepAlive);
            await stream.WriteAsync(headBytes, 0, headBytes.Length, stopping).ConfigureAwait(false);
            if (hasBody && head.Method != "HEAD") await CopyBodyAsync(answer, stopping).ConfigureAwait(false);
            await stream.FlushAsync(stopping).ConfigureAwait(false);
            if (!keepAlive) Close();
            return keepAlive;
        }
    }

    private IncomingBody OpenBody(RequestHead head, CancellationToken stopping)
    {
        // RFC 9112 section 6.3: chunked transfer coding wins over a Content-Length.
        if (head.HasToken("Transfer-Encoding", "chunked")) return IncomingBody.Chunked(reader, stopping);
        var length = head["Content-Length"];
        if (length is null) return IncomingBody.OfLength(reader, 0, stopping);
        return long.TryParse(length, out var bytes) && bytes >= 0
            ? IncomingBody.OfLength(reader, bytes, stopping)
            : throw new InvalidDataException($"'{length}' is not a Content-Length.");
    }

    private async Task CopyBodyAsync(EmulatorResponse answer, CancellationToken stopping)
    {
        var limit = answer.TruncateAfter ?? long.MaxValue;
        var buffer = new byte[CopyBufferSize];
        for (long sent = 0; sent < limit;)
        {
            var read = await answer.Body.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, limit - sent), stopping).ConfigureAwait(false);
            if (read == 0) break;
            await stream.WriteAsync(buffer, 0, read, stopping).ConfigureAwait(false);
            sent += read;
        }
    }

    private static byte[] ResponseHead(EmulatorResponse answer, bool hasBody, bool keepAlive)
    {
        var text = new StringBuilder();
        text.Append("HTTP/1.1 ").Append(answer.StatusCode).Append(' ').Append(ReasonPhrase(answer.StatusCode)).Append("\r\n");
        if (answer.ContentType is not null) text.Append("Content-Type: ").Append(answer.ContentType).Append("\r\n");
        foreach (var header in answer.Headers) text.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        if (hasBody) text.Append("Content-Length: ").Append(answer.ContentLength).Append("\r\n");
        if (!keepAlive) text.Append("Connection: close\r\n");
        return Encoding.UTF8.GetBytes(text.Append("\r\n").ToString());
    }

    // The platform's own table of reason phrases (HttpResponseMessage fills ReasonPhrase from it); clients ignore them.
    private static string ReasonPhrase(int statusCode)
    {
        using var message = new System.Net.Http.HttpResponseMessage((HttpStatusCode)statusCode);
        return message.ReasonPhrase ?? "Status";
    }

    /// <summary>The decoded path (as Kestrel and the in-process handler give it) and the raw query.</summary>
    private static (string Path, string Query) SplitTarget(string target)
    {
        if (!target.StartsWith("/", StringComparison.Ordinal) && Uri.TryCreate(target, UriKind.Absolute, out var absolute)) target = absolute.PathAndQuery;
        var question = target.IndexOf('?');
        var path = question < 0 ? target : target.Substring(0, question);
        return (Uri.UnescapeDataString(path), question < 0 ? "" : target.Substring(question + 1));
    }

    private async Task AnswerBadRequestAsync()
    {
        try
        {
            var answer = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(answer, 0, answer.Length).ConfigureAwait(false);
            Close();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Reset();
        }
    }

    /// <summary>A graceful end: what was written is sent, then FIN, so the client reads the answer before the close.</summary>
    private void Close()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        socket.Dispose();
    }
}
