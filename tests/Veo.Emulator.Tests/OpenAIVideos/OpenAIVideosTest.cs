using System.Text.Json;

namespace Veo.Emulator.Tests.OpenAIVideos;

public abstract class OpenAIVideosTest : EmulatorTest
{
    protected Task<HttpResponseMessage> CreateAsync(VideoForm form) => Client.PostAsync("v1/videos", form.Build());

    protected async Task<string> CreateTaskAsync(VideoForm? form = null)
    {
        using var response = await CreateAsync(form ?? VideoForm.TextToVideo());
        Assert.Equal(200, (int)response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("id").GetString()!;
    }

    protected async Task<JsonElement> PollAsync(string id)
    {
        using var response = await Client.GetAsync($"v1/videos/{id}");
        Assert.Equal(200, (int)response.StatusCode);
        return await Json.ReadAsync(response);
    }

    protected async Task<byte[]> DownloadAsync(string id)
    {
        using var response = await Client.GetAsync($"v1/videos/{id}/content");
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    protected static async Task<JsonElement> ErrorOf(HttpResponseMessage response) =>
        (await Json.ReadAsync(response)).GetProperty("error");
}
