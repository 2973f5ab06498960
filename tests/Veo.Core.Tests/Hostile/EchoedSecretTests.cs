using Veo.Core.Http;
using Veo.Core.Providers;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Hostile;

/// <summary>A server that echoes the key back (in an error code, a failed task's reason, a status text) never gets it shown or kept.</summary>
public class EchoedSecretTests
{
    private const string Key = "sk-echoed-secret-1234567890";

    private static IVideoProvider Provider(ScriptedServer server, string route = "LaoZhang") =>
        VideoProviders.For(BuiltInRoutes.Find(route)!.At(server.BaseUri), new ApiKey(Key), TestHome.FastPolicy with { MaxRetries = 1 });

    [Fact]
    public async Task A_failed_task_whose_reason_and_code_echo_the_key_is_read_without_it()
    {
        using var server = ScriptedServer.Json(_ => $"{{\"id\":\"task_1\",\"status\":\"failed\",\"error\":{{\"message\":\"key {Key} is banned\",\"code\":\"{Key}\"}}}}");

        var task = await Provider(server).GetAsync("task_1", CancellationToken.None);

        Assert.Equal(VideoTaskStatus.Failed, task.Status);
        Assert.DoesNotContain(Key, task.Error);
        Assert.DoesNotContain(Key, task.ErrorCode);
        Assert.Contains("***", task.Error);
    }

    [Fact]
    public async Task A_refusal_that_echoes_the_key_in_its_code_and_message_is_reported_without_it()
    {
        using var server = ScriptedServer.Json(_ => $"{{\"error\":{{\"message\":\"invalid token {Key}\",\"code\":\"{Key}\"}}}}", status: 400);

        var error = await Assert.ThrowsAsync<ApiException>(() => Provider(server).GetAsync("task_1", CancellationToken.None));

        Assert.DoesNotContain(Key, error.Message);
        Assert.DoesNotContain(Key, error.ErrorCode);
    }

    [Fact]
    public async Task A_not_ready_answer_that_echoes_the_key_is_reported_without_it()
    {
        using var server = ScriptedServer.Json(_ => $"{{\"error\":{{\"message\":\"IN_PROGRESS for {Key}\"}}}}", status: 400);

        var error = await Assert.ThrowsAsync<ContentNotReadyException>(() =>
            Provider(server).DownloadAsync(new VideoTask { Id = "task_1", Route = "LaoZhang" }, new MemoryStream(), CancellationToken.None));

        Assert.DoesNotContain(Key, error.Message);
    }

    [Fact]
    public void A_base_uri_holding_a_password_is_refused_without_repeating_it()
    {
        var error = Assert.Throws<ArgumentException>(() => RouteUris.Normalize(new Uri($"https://user:{Key}@gateway.example/")));

        Assert.Contains("user name or password", error.Message);
        Assert.DoesNotContain(Key, error.Message);
    }
}
