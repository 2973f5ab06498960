using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Veo.Emulator.Tests.Quotas;

/// <summary>--requests-per-minute: each dialect refuses a create past it with its own 429.</summary>
public class RequestsPerMinuteAnswerTests : EmulatorTest
{
    protected override EmulatorOptions Options => new() { ManualClock = true, QueueTime = QueueTime, RenderTime = RenderTime, RequestsPerMinute = 1, GeminiVeoServed = true };

    [Fact]
    public async Task The_OpenAI_Videos_gateway_answers_new_apis_request_limit_message_without_Retry_After()
    {
        using (var first = await Client.PostAsync("v1/videos", VideoForm.TextToVideo().Build())) Assert.Equal(200, (int)first.StatusCode);

        using var refused = await Client.PostAsync("v1/videos", VideoForm.TextToVideo().Build());

        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Null(refused.Headers.RetryAfter);
        var error = (await Json.ReadAsync(refused)).GetProperty("error");
        Assert.Equal("您已达到请求数限制：1分钟内最多请求1次", error.GetProperty("message").GetString());
        Assert.Equal("new_api_error", error.GetProperty("type").GetString());
        Assert.Equal(1, Server.CreatedTaskCount);

        Server.Clock.Advance(TimeSpan.FromMinutes(1));
        using var later = await Client.PostAsync("v1/videos", VideoForm.TextToVideo().Build());
        Assert.Equal(200, (int)later.StatusCode);
    }

    [Fact]
    public async Task Google_answers_RESOURCE_EXHAUSTED_with_the_wait_in_RetryInfo()
    {
        using var google = Host.CreateClient(followRedirects: true);
        google.DefaultRequestHeaders.Add("x-goog-api-key", "emulator-key");
        HttpContent Body() => new StringContent("{\"instances\":[{\"prompt\":\"A cat on a piano\"}]}", Encoding.UTF8, "application/json");
        const string path = "v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning";
        using (var first = await google.PostAsync(path, Body())) Assert.Equal(200, (int)first.StatusCode);
        Server.Clock.Advance(TimeSpan.FromSeconds(20));

        using var refused = await google.PostAsync(path, Body());

        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Null(refused.Headers.RetryAfter);
        var error = (await Json.ReadAsync(refused)).GetProperty("error");
        Assert.Equal("RESOURCE_EXHAUSTED", error.GetProperty("status").GetString());
        var retryInfo = error.GetProperty("details").EnumerateArray().Single();
        Assert.Equal("type.googleapis.com/google.rpc.RetryInfo", retryInfo.GetProperty("@type").GetString());
        Assert.Equal("40s", retryInfo.GetProperty("retryDelay").GetString());
    }
}

/// <summary>--max-running: a create while the key has that many tasks queued or rendering is refused until one finishes.</summary>
public class MaxRunningAnswerTests : EmulatorTest
{
    protected override EmulatorOptions Options => new() { ManualClock = true, QueueTime = QueueTime, RenderTime = RenderTime, MaxRunning = 1 };

    [Fact]
    public async Task The_unified_gateway_answers_new_apis_saturation_message_in_its_task_envelope()
    {
        object Request() => new { model = "veo-3.1", prompt = "A spaceship landing on Mars", aspect_ratio = "16:9", size = "720P" };
        using (var first = await Client.PostAsJsonAsync("v1/video/create", Request())) Assert.Equal(200, (int)first.StatusCode);

        using var refused = await Client.PostAsJsonAsync("v1/video/create", Request());

        Assert.Equal(429, (int)refused.StatusCode);
        var body = await Json.ReadAsync(refused);
        Assert.Equal("当前分组上游负载已饱和，请稍后再试", body.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        Assert.Equal(1, Server.CreatedTaskCount);

        Server.Clock.Advance(RenderTime);
        using var afterFinish = await Client.PostAsJsonAsync("v1/video/create", Request());
        Assert.Equal(200, (int)afterFinish.StatusCode);
    }

    [Fact]
    public async Task The_OpenAI_Videos_gateway_counts_a_task_running_until_it_completes()
    {
        using (var first = await Client.PostAsync("v1/videos", VideoForm.TextToVideo().Build())) Assert.Equal(200, (int)first.StatusCode);
        Server.Clock.Advance(RenderTime - TimeSpan.FromSeconds(1));

        using (var stillRunning = await Client.PostAsync("v1/videos", VideoForm.TextToVideo().Build())) Assert.Equal(429, (int)stillRunning.StatusCode);

        Server.Clock.Advance(TimeSpan.FromSeconds(1));
        using var done = await Client.PostAsync("v1/videos", VideoForm.TextToVideo().Build());
        Assert.Equal(200, (int)done.StatusCode);
    }
}
