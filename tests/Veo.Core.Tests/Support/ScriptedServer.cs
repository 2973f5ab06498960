using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Veo.Core.Tests.Support;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 that plays whatever a test scripts, including what no honest service sends:
/// answers that never end, bodies that trickle, fields that lie. Every request is recorded with its headers. It is
/// bounded: at most <see cref="MaxConnections"/> connections, and everything stops when it is disposed.
/// </summary>
public sealed class ScriptedServer : IDisposable
{
    public const int MaxConnections = 64;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<ScriptedRequest, NetworkStream, CancellationToken, Task> _answer;
    private readonly ConcurrentQueue<TcpClient> _clients = new();

    /// <param name="answer">Writes the whole answer (status line, headers, body) for one request; the connection closes after it.</param>
    public ScriptedServer(Func<ScriptedRequest, NetworkStream, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = Task.Run(AcceptAsync);
    }

    /// <summary>A server that answers every request with the same JSON.</summary>
    public static ScriptedServer Json(Func<ScriptedRequest, string> body, int status = 200) =>
        new((request, stream, ct) => WriteAsync(stream, status, "application/json", Encoding.UTF8.GetBytes(body(request)), ct));

    public Uri BaseUri { get; }
    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    public static async Task WriteAsync(Stream stream, int status, string contentType, byte[] body, CancellationToken ct)
    {
        var head = $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
        await stream.WriteAsync(body, ct);
    }

    public static Task WriteHeadAsync(Stream stream, string head, CancellationToken ct) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n") + "\r\n\r\n"), ct).AsTask();

    private async Task AcceptAsync()
    {
        for (var served = 0; served < MaxConnections && !_stop.IsCancellationRequested; served++)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            _clients.Enqueue(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var request = await ScriptedRequest.ReadAsync(stream, _stop.Token);
            if (request is null) return;
            Requests.Enqueue(request);
            await _answer(request, stream, _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
        catch (Exception)
        {
            // The client gave up or the test ended: either is the point of a hostile server.
        }
        finally
        {
            client.Dispose();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        while (_clients.TryDequeue(out var client)) client.Dispose();
    }
}

/// <summary>One request as the scripted server read it.</summary>
public sealed record ScriptedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    internal static async Task<ScriptedRequest?> ReadAsync(NetworkStream stream, CancellationToken ct)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var n = await stream.ReadAsync(buffer, ct);
            if (n == 0 || received.Count > 1 << 20) return null;
            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }
        var lines = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd).Split("\r\n");
        var start = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var l) ? int.Parse(l) : 0;
        while (received.Count < headerEnd + 4 + length)
        {
            var n = await stream.ReadAsync(buffer, ct);
            if (n == 0) break;
            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }
        var body = Encoding.UTF8.GetString(received.ToArray(), headerEnd + 4, Math.Max(0, received.Count - headerEnd - 4));
        return new ScriptedRequest(start[0], start.Length > 1 ? start[1] : "/", headers, body);
    }

    private static int IndexOfHeaderEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
        return -1;
    }
}
