using System.Diagnostics;
using System.Text;
using Veo.Core.Http;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Hostile;

/// <summary>Answers and downloads that never end, or promise too much, are refused with a clear error and leave nothing.</summary>
public sealed class UnboundedAnswerTests : IDisposable
{
    private readonly TestHome _home = new();

    private static readonly HttpPolicy Small = TestHome.FastPolicy with { MaxAnswerBytes = 256 * 1024, MaxVideoBytes = 1 << 20, MaxRetries = 1 };

    /// <summary>Sends chunks until the client hangs up or <paramref name="cap"/> bytes went out (so the test server stops by itself).</summary>
    private static ScriptedServer Endless(string contentType, long cap = 64L << 20) => new(async (_, stream, ct) =>
    {
        await ScriptedServer.WriteHeadAsync(stream, $"HTTP/1.1 200 OK\nContent-Type: {contentType}\nTransfer-Encoding: chunked\nConnection: close", ct);
        var chunk = Encoding.ASCII.GetBytes(new string('a', 65536));
        var head = Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n");
        var tail = Encoding.ASCII.GetBytes("\r\n");
        for (long sent = 0; sent < cap; sent += chunk.Length)
        {
            await stream.WriteAsync(head, ct);
            await stream.WriteAsync(chunk, ct);
            await stream.WriteAsync(tail, ct);
        }
    });

    private static ScriptedServer Promising(long length, string contentType) => new((_, stream, ct) =>
        ScriptedServer.WriteHeadAsync(stream, $"HTTP/1.1 200 OK\nContent-Type: {contentType}\nContent-Length: {length}\nConnection: close", ct));

    private static Veo.Core.Providers.IVideoProvider Provider(ScriptedServer server) =>
        Veo.Core.Providers.VideoProviders.For(BuiltInRoutes.LaoZhang.At(server.BaseUri), new ApiKey(TestHome.Key), Small);

    [Fact]
    public async Task An_endless_json_answer_is_refused_once_past_the_limit()
    {
        using var server = Endless("application/json");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AnswerTooLargeException>(() => Provider(server).GetAsync("task_1", CancellationToken.None));

        Assert.Contains("262144", error.Message.Replace(",", "").Replace(".", "").Replace("\u00a0", ""));
        Assert.Single(server.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_json_answer_that_announces_a_hundred_megabytes_is_not_read()
    {
        using var server = Promising(100L << 20, "application/json");

        await Assert.ThrowsAsync<AnswerTooLargeException>(() => Provider(server).GetAsync("task_1", CancellationToken.None));
    }

    [Fact]
    public async Task A_video_announced_at_twenty_gigabytes_is_refused_before_a_byte_is_written()
    {
        using var server = Promising(20L << 30, "video/mp4");
        var path = _home.PathOf("big.mp4");

        await Assert.ThrowsAsync<VideoTooLargeException>(() => Save(server, path));

        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".partial"));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_endless_video_stops_at_the_ceiling_and_leaves_nothing()
    {
        using var server = Endless("video/mp4");
        var path = _home.PathOf("endless.mp4");

        await Assert.ThrowsAsync<VideoTooLargeException>(() => Save(server, path));

        Assert.Empty(Directory.GetFiles(_home.Folder, "*.mp4*"));
    }

    private Task<SaveResult> Save(ScriptedServer server, string path) =>
        new VeoEngine(_home.Journal, Small).SaveAsync(new VideoTask { Id = "task_1", Route = "LaoZhang", Status = VideoTaskStatus.Completed },
            Provider(server), path, overwrite: false, NullEngineLog.Instance, CancellationToken.None);

    public void Dispose() => _home.Dispose();
}
