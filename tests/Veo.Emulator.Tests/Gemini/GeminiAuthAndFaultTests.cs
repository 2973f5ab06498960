namespace Veo.Emulator.Tests.Gemini;

public class GeminiAuthAndFaultTests : GeminiTest
{
    [Fact]
    public async Task No_key_is_403_PERMISSION_DENIED()
    {
        using var response = await CreateAsync(Request(), client: GoogleClient(key: null));

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("PERMISSION_DENIED", (await GoogleErrorOf(response)).GetProperty("status").GetString());
        Assert.Equal(0, Server.CreatedTaskCount);
    }

    [Fact]
    public async Task A_wrong_key_is_400_API_KEY_INVALID_like_google_answers()
    {
        using var response = await CreateAsync(Request(), client: GoogleClient(key: "AIza-wrong"));
        var error = await GoogleErrorOf(response);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("status").GetString());
        Assert.Equal("API_KEY_INVALID", error.GetProperty("details")[0].GetProperty("reason").GetString());
        Assert.DoesNotContain("AIza-wrong", error.GetRawText());
    }

    [Fact]
    public async Task A_bearer_token_instead_of_a_key_is_401_UNAUTHENTICATED()
    {
        using var response = await CreateAsync(Request(), client: ClientFor(Host));

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (await GoogleErrorOf(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Polling_needs_the_key()
    {
        var name = await CreateOperationAsync();

        using var response = await GoogleClient(key: null).GetAsync($"v1beta/{name}");

        Assert.Equal(403, (int)response.StatusCode);
    }

    [Fact]
    public async Task RateLimit_is_429_RESOURCE_EXHAUSTED_with_its_wait_in_retry_info_only()
    {
        Server.Faults.Add(new Fault(FaultKind.RateLimit, "/v1beta/") { RetryAfter = TimeSpan.FromSeconds(7) });

        using var response = await CreateAsync(Request());
        var error = await GoogleErrorOf(response);

        Assert.Equal(429, (int)response.StatusCode);
        // As Google does: the wait is in the body's RetryInfo, and no Retry-After header is sent.
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal("RESOURCE_EXHAUSTED", error.GetProperty("status").GetString());
        Assert.Equal("7s", error.GetProperty("details")[0].GetProperty("retryDelay").GetString());
        Assert.Equal(0, Server.CreatedTaskCount);
    }

    [Theory]
    [InlineData(500, "INTERNAL")]
    [InlineData(503, "UNAVAILABLE")]
    public async Task Server_errors_answer_in_the_google_shape(int status, string googleStatus)
    {
        Server.Faults.Add(new Fault(FaultKind.ServerError) { StatusCode = status });

        using var response = await CreateAsync(Request());

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(googleStatus, (await GoogleErrorOf(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_v1beta_path_is_404_in_the_google_shape()
    {
        using var response = await GoogleClient().GetAsync("v1beta/nothing/here");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("NOT_FOUND", (await GoogleErrorOf(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_corrupt_download_arrives_through_the_redirect_with_its_full_length()
    {
        var name = await CreateOperationAsync();
        Server.Clock.Advance(RenderTime);
        Server.Faults.Add(new Fault(FaultKind.CorruptBody, "/cdn/files/"));

        var bytes = await GoogleClient().GetByteArrayAsync(DownloadPath(VideoUri(await PollAsync(name))));

        Assert.Equal(Fixtures.Served("landscape-720p").Length, bytes.Length);
        Assert.NotEqual(Fixtures.Served("landscape-720p"), bytes);
    }
}
