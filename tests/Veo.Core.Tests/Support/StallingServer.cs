using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Veo.Core.Tests.Support;

/// <summary>
/// A server on 127.0.0.1 that answers every request with 200, promises a body of some length,
/// sends half of it and then goes silent: the stalled upstream the emulator cannot play.
/// </summary>
public sealed class StallingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = new();

    public StallingServer(string contentType, byte[] body)
    {
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = Task.Run(() => AcceptAsync(contentType, body));
    }

    public Uri BaseUri { get; }
    public int Requests { get; private set; }

    private async Task AcceptAsync(string contentType, byte[] body)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception)
            {
                return;
            }
            lock (_clients) _clients.Add(client);
            Requests++;
            var stream = client.GetStream();
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n\r\n");
            await stream.WriteAsync(head);
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
            await stream.FlushAsync();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients) foreach (var c in _clients) c.Dispose();
    }
}
