using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Veo.Emulator.Tests.OpenAIVideos;

namespace Veo.Emulator.Tests.Hosting;

/// <summary>
/// What the loopback listener (Start-VeoEmulator -Listen) must do as an HTTP/1.1 server, beyond what the shared suites
/// check on every host: chunked uploads, connections kept for the next request, 100-continue, a bad request refused,
/// and a port that is free again once it stopped.
/// </summary>
public sealed class EmulatorListenerTests : OpenAIVideosTest
{
    protected override EmulatorHostKind HostKind => EmulatorHostKind.Listener;

    [Fact]
    public async Task A_chunked_upload_is_read_whole()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/videos") { Content = VideoForm.TextToVideo(prompt: "sent in chunks").Build() };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        var create = Server.Requests.Single(r => r.Method == "POST");
        Assert.Equal("chunked", create.Headers["Transfer-Encoding"]);
        Assert.Contains(new KeyValuePair<string, string>("prompt", "sent in chunks"), create.Fields);
    }

    [Fact]
    public async Task A_connection_that_sends_nothing_is_closed_after_the_idle_limit()
    {
        using var listener = EmulatorListener.Start(new VeoEmulator(new EmulatorOptions()), idleLimit: TimeSpan.FromMilliseconds(300));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, listener.BaseUri.Port);
        var clock = Stopwatch.StartNew();

        // Nothing is sent; the listener ends the connection (a reset or a close), it does not wait for ever.
        var ended = await Task.WhenAny(ReadUntilClosedAsync(client.GetStream()), Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.True(ended is Task<bool> { Result: true }, "the idle connection was still open after 10 s");
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(9));
    }

    private static async Task<bool> ReadUntilClosedAsync(NetworkStream stream)
    {
        try
        {
            return await stream.ReadAsync(new byte[1], 0, 1) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    [Fact]
    public async Task One_connection_carries_request_after_request()
    {
        using var connection = await RawConnection.OpenAsync(Host.BaseUri);

        for (var i = 0; i < 3; i++)
        {
            await connection.SendAsync($"GET /api/pricing HTTP/1.1\r\nHost: {Host.BaseUri.Authority}\r\n\r\n");
            var (status, head, body) = await connection.ReadResponseAsync();
            Assert.Equal(200, status);
            Assert.DoesNotContain("Connection: close", head);
            Assert.NotEmpty(body);
        }
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task A_client_that_expects_100_continue_is_told_to_send_the_body()
    {
        using var connection = await RawConnection.OpenAsync(Host.BaseUri);
        const string form = "--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nveo-3.1-fast-generate-preview\r\n" +
            "--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nA lighthouse\r\n--b--\r\n";

        await connection.SendAsync($"POST /v1/videos HTTP/1.1\r\nHost: {Host.BaseUri.Authority}\r\nAuthorization: Bearer emulator-key\r\n" +
            $"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {form.Length}\r\nExpect: 100-continue\r\n\r\n");
        Assert.Equal("HTTP/1.1 100 Continue", await connection.ReadLineAsync());
        Assert.Equal("", await connection.ReadLineAsync());
        await connection.SendAsync(form);
        var (status, _, _) = await connection.ReadResponseAsync();

        Assert.Equal(200, status);
        Assert.Equal(1, Server.CreatedTaskCount);
    }

    [Fact]
    public async Task A_request_that_is_not_HTTP_is_answered_400_and_the_connection_closed()
    {
        using var connection = await RawConnection.OpenAsync(Host.BaseUri);

        await connection.SendAsync("HELLO\r\n\r\n");
        var (status, head, _) = await connection.ReadResponseAsync();

        Assert.Equal(400, status);
        Assert.Contains("Connection: close", head);
        Assert.Null(await connection.ReadLineAsync());
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task A_request_after_an_unread_body_is_still_answered_on_the_same_connection()
    {
        // A create refused for its key is answered before its body is read: the body must not be taken for the next request.
        using var connection = await RawConnection.OpenAsync(Host.BaseUri);
        var body = new string('x', 100_000);

        await connection.SendAsync($"POST /v1/videos HTTP/1.1\r\nHost: {Host.BaseUri.Authority}\r\nAuthorization: Bearer wrong\r\n" +
            $"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        var (refused, _, _) = await connection.ReadResponseAsync();
        await connection.SendAsync($"GET /api/pricing HTTP/1.1\r\nHost: {Host.BaseUri.Authority}\r\n\r\n");
        var (next, _, _) = await connection.ReadResponseAsync();

        Assert.Equal(401, refused);
        Assert.Equal(200, next);
    }

    [Fact]
    public async Task Stopping_closes_the_port_and_ends_an_answer_in_progress()
    {
        var host = await StartAsync(Options);
        var port = host.BaseUri.Port;
        host.Emulator.Faults.Add(new Fault(FaultKind.Latency) { Delay = TimeSpan.FromMinutes(10) });
        using var client = ClientFor(host);
        var waiting = client.GetAsync("api/pricing");
        await WaitUntilAsync(() => host.Emulator.Requests.Count == 1);

        var watch = Stopwatch.StartNew();
        await host.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {watch.Elapsed}");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => waiting);
        await Assert.ThrowsAnyAsync<SocketException>(() => new TcpClient().ConnectAsync(IPAddress.Loopback, port));
        var again = new TcpListener(IPAddress.Loopback, port);
        again.Start();   // throws when the port is still taken
        again.Stop();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !condition(); await Task.Delay(20))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold within 10 s.");
        }
    }

    /// <summary>A socket that speaks HTTP/1.1 by hand, to see what a client library hides (connections, 100-continue).</summary>
    private sealed class RawConnection : IDisposable
    {
        private readonly TcpClient client;
        private readonly NetworkStream stream;

        private RawConnection(TcpClient client)
        {
            this.client = client;
            stream = client.GetStream();
            stream.ReadTimeout = 10_000;
        }

        public static async Task<RawConnection> OpenAsync(Uri baseUri)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, baseUri.Port);
            return new RawConnection(client);
        }

        public Task SendAsync(string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

        /// <summary>One line without CR LF; null when the server closed the connection.</summary>
        public async Task<string?> ReadLineAsync()
        {
            var line = new List<byte>();
            var one = new byte[1];
            while (await stream.ReadAsync(one) == 1)
            {
                if (one[0] == '\n') return Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
                line.Add(one[0]);
            }
            return line.Count == 0 ? null : throw new EndOfStreamException("The connection ended mid-line.");
        }

        public async Task<(int Status, string Head, byte[] Body)> ReadResponseAsync()
        {
            var head = new StringBuilder();
            var length = 0;
            for (var line = await ReadLineAsync(); !string.IsNullOrEmpty(line); line = await ReadLineAsync())
            {
                head.Append(line).Append('\n');
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim());
            }
            var body = new byte[length];
            for (var read = 0; read < length;) read += await stream.ReadAsync(body.AsMemory(read));
            var text = head.ToString();
            return (int.Parse(text.Split(' ')[1]), text, body);
        }

        public void Dispose() => client.Dispose();
    }
}
