using Veo.Core.Http;
using Veo.Core.Providers;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Hostile;

/// <summary>Answers stock new-api gives that the documented gateways do not, read as a user would need them read.</summary>
public class NewApiShapeTests
{
    /// <summary>A gateway without /v1/videos/{id} (a plain 404), whose older path answers as stock new-api does.</summary>
    private static ScriptedServer OlderGateway(string status, string progress, string failReason = "") => new((request, stream, ct) =>
        request.Path.StartsWith("/v1/videos/", StringComparison.Ordinal)
            ? ScriptedServer.WriteAsync(stream, 404, "text/plain", "404 page not found"u8.ToArray(), ct)
            : ScriptedServer.WriteAsync(stream, 200, "application/json", System.Text.Encoding.UTF8.GetBytes(
                $"{{\"code\":\"success\",\"message\":\"\",\"data\":{{\"task_id\":\"task_1\",\"status\":\"{status}\",\"progress\":\"{progress}\",\"fail_reason\":\"{failReason}\"}}}}"), ct));

    private static IVideoProvider Provider(ScriptedServer server) =>
        VideoProviders.For(BuiltInRoutes.LaoZhang.At(server.BaseUri), new ApiKey(TestHome.Key), TestHome.FastPolicy with { MaxRetries = 1 });

    [Theory]
    [InlineData("NOT_START", "0%", VideoTaskStatus.Queued, 0)]
    [InlineData("UNKNOWN", "0%", VideoTaskStatus.Queued, 0)]
    [InlineData("IN_PROGRESS", "40%", VideoTaskStatus.InProgress, 40)]
    [InlineData("SUCCESS", "100%", VideoTaskStatus.Completed, 100)]
    public async Task The_older_task_path_of_stock_new_api_is_read_with_its_status_words_and_percent_progress(string status, string progress, VideoTaskStatus expected, int percent)
    {
        using var gateway = OlderGateway(status, progress);

        var task = await Provider(gateway).GetAsync("task_1", CancellationToken.None);

        Assert.Equal(("task_1", expected, percent), (task.Id, task.Status, task.Progress));
        Assert.Contains(gateway.Requests, r => r.Path == "/v1/video/generations/task_1");
    }

    [Fact]
    public async Task A_failure_on_the_older_path_carries_its_fail_reason()
    {
        using var gateway = OlderGateway("FAILURE", "100%", "prompt blocked by safety filter");

        var task = await Provider(gateway).GetAsync("task_1", CancellationToken.None);

        Assert.Equal(VideoTaskStatus.Failed, task.Status);
        Assert.Equal("prompt blocked by safety filter", task.Error);
    }
}
