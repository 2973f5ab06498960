using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Veo.Core.Tests.Support;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 that reads one request and sends <paramref name="answer"/> as a 200 JSON body:
/// for answers no emulator dialect would give, such as a create accepted without a task id.
/// </summary>
public sealed class OneAnswerServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _serving;

    public OneAnswerServer(string answer)
    {
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _serving = ServeAsync(answer);
    }

    public Uri BaseUri { get; }
    public int Requests { get; private set; }

    private async Task ServeAsync(string answer)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0) return;
            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }
        var headers = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd);
        var length = headers.Split("\r\n").Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h["Content-Length:".Length..].Trim())).FirstOrDefault();
        while (received.Count < headerEnd + 4 + length)
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0) break;
            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }
        Requests++;
        var body = Encoding.UTF8.GetBytes(answer);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(body);
    }

    private static int IndexOfHeaderEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
        return -1;
    }

    public void Dispose()
    {
        _listener.Stop();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
