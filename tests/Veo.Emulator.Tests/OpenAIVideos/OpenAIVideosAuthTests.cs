namespace Veo.Emulator.Tests.OpenAIVideos;

public sealed class OpenAIVideosAuthTests : OpenAIVideosTest
{
    [Fact]
    public async Task Create_without_a_key_answers_401_invalid_api_key_and_creates_nothing()
    {
        using var anonymous = AnonymousClient();
        using var response = await anonymous.PostAsync("v1/videos", VideoForm.TextToVideo().Build());
        var error = await ErrorOf(response);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
        Assert.Equal(0, Server.CreatedTaskCount);
    }

    [Fact]
    public async Task A_wrong_key_answers_401_without_echoing_it()
    {
        using var wrong = ClientFor(Host, bearer: "sk-wrong-secret");
        using var response = await wrong.PostAsync("v1/videos", VideoForm.TextToVideo().Build());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(401, (int)response.StatusCode);
        Assert.DoesNotContain("sk-wrong-secret", body);
    }

    [Fact]
    public async Task The_key_must_be_sent_as_a_bearer_token()
    {
        using var raw = AnonymousClient();
        raw.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "emulator-key");

        using var response = await raw.PostAsync("v1/videos", VideoForm.TextToVideo().Build());

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("v1/videos/{0}")]
    [InlineData("v1/video/generations/{0}")]
    [InlineData("v1/videos/{0}/content")]
    public async Task Polling_and_download_need_the_key_too(string pathFormat)
    {
        var id = await CreateTaskAsync();
        AdvanceToContentReady();
        using var anonymous = AnonymousClient();

        using var response = await anonymous.GetAsync(string.Format(pathFormat, id));

        Assert.Equal(401, (int)response.StatusCode);
    }
}
