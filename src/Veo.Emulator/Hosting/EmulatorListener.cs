using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Veo.Emulator;

/// <summary>
/// Serves a <see cref="VeoEmulator"/> on 127.0.0.1 over plain HTTP/1.1, with no web framework (the core is
/// netstandard2.0, for Windows PowerShell 5.1 too): other runspaces, other processes and curl reach it as they reach
/// the Kestrel host. A TcpListener, not HttpListener: binding a loopback socket needs no administrator rights on
/// Windows (http.sys needs a URL reservation for 127.0.0.1 prefixes), port 0 picks a free port without a race, and
/// a reset or truncated answer reaches the client as a socket shows it.
/// </summary>
public sealed class EmulatorListener : IDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a connection may wait for its next request head: Kestrel's KeepAliveTimeout (130 s, KestrelServerLimits),
    /// so a client that opens connections and never writes cannot hold them open for ever.
    /// </summary>
    public static readonly TimeSpan DefaultIdleLimit = TimeSpan.FromSeconds(130);

    private readonly TimeSpan idleLimit;

    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<ListenerConnection, Task> connections = new();
    private readonly Task accepting;

    private EmulatorListener(VeoEmulator emulator, TcpListener listener, TimeSpan idleLimit)
    {
        Emulator = emulator;
        this.idleLimit = idleLimit;
        this.listener = listener;
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        accepting = Task.Run(AcceptAsync);
    }

    public VeoEmulator Emulator { get; }

    /// <summary>http://127.0.0.1:PORT/, the port the listener got.</summary>
    public Uri BaseUri { get; }

    /// <summary>Listens on 127.0.0.1 only; port 0 (the default) takes a free one.</summary>
    /// <param name="idleLimit">How long a connection may wait for a request; <see cref="DefaultIdleLimit"/> when null.</param>
    public static EmulatorListener Start(VeoEmulator emulator, int port = 0, TimeSpan? idleLimit = null)
    {
        if (emulator is null) throw new ArgumentNullException(nameof(emulator));
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return new EmulatorListener(emulator, listener, idleLimit ?? DefaultIdleLimit);
    }

    /// <summary>Closes the port and ends every connection still open (a request being answered is cancelled).</summary>
    public void Dispose()
    {
        if (stopping.IsCancellationRequested) return;
        stopping.Cancel();
        listener.Stop();
        foreach (var connection in connections.Keys) connection.Reset();
        Task.WaitAll([accepting, .. connections.Values], StopGrace);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                if (stopping.IsCancellationRequested) return;
                continue;   // one failed accept (the client gave up at once) is no reason to stop listening
            }
            socket.NoDelay = true;
            var connection = new ListenerConnection(Emulator, socket, BaseUri.Authority, idleLimit);
            var serving = Task.Run(() => connection.ServeAsync(stopping.Token));
            connections[connection] = serving;
            _ = serving.ContinueWith(_ => connections.TryRemove(connection, out var _), TaskScheduler.Default);
        }
    }
}
