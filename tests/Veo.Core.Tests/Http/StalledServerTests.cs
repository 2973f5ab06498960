using System.Diagnostics;
using Veo.Core.Http;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Http;

/// <summary>A server that stops sending half way fails the call within the attempt timeout; nothing hangs.</summary>
public class StalledServerTests : IDisposable
{
    private static readonly HttpPolicy Short = TestHome.FastPolicy with { AttemptTimeout = TimeSpan.FromMilliseconds(400), MaxRetries = 1 };
    private readonly TestHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task A_poll_whose_answer_stalls_times_out_and_is_retried()
    {
        using var server = new StallingServer("application/json", System.Text.Encoding.UTF8.GetBytes("{\"id\":\"task_1\",\"status\":\"in_progress\",\"progress\":10}"));
        var provider = new VeoEngine(_home.Journal, Short).Provider(BuiltInRoutes.LaoZhang.At(server.BaseUri), new ApiKey("k"));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<Exception>(() => provider.GetAsync("task_1", CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the poll hung for {clock.Elapsed}");
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_download_that_stalls_fails_and_leaves_no_file()
    {
        var video = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "landscape-720p.mp4"));
        using var server = new StallingServer("video/mp4", video);
        var engine = new VeoEngine(_home.Journal, Short);
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(server.BaseUri), new ApiKey("k"));
        var task = new VideoTask { Id = "task_1", Route = "LaoZhang", BaseUri = server.BaseUri, Status = VideoTaskStatus.Completed };

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            engine.SaveAsync(task, provider, _home.PathOf("v.mp4"), false, NullEngineLog.Instance, CancellationToken.None));

        Assert.Contains("sent nothing", error.Message);
        Assert.False(File.Exists(_home.PathOf("v.mp4")));
        Assert.False(File.Exists(_home.PathOf("v.mp4.partial")));
    }
}
