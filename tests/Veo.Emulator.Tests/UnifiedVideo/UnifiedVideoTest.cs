using System.Net.Http.Json;
using System.Text.Json;

namespace Veo.Emulator.Tests.UnifiedVideo;

public abstract class UnifiedVideoTest : EmulatorTest
{
    protected static object TextToVideo(string model = "veo-3.1", string prompt = "A spaceship landing on Mars") =>
        new { model, prompt, aspect_ratio = "16:9", size = "720P" };

    protected Task<HttpResponseMessage> CreateAsync(object request) => Client.PostAsJsonAsync("v1/video/create", request);

    protected async Task<string> CreateTaskAsync(object? request = null)
    {
        using var response = await CreateAsync(request ?? TextToVideo());
        Assert.Equal(200, (int)response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("id").GetString()!;
    }

    protected async Task<JsonElement> QueryAsync(string id)
    {
        using var response = await Client.GetAsync($"v1/video/query?id={Uri.EscapeDataString(id)}");
        Assert.Equal(200, (int)response.StatusCode);
        return await Json.ReadAsync(response);
    }

    protected async Task<byte[]> RenderAsync(object request)
    {
        var id = await CreateTaskAsync(request);
        Server.Clock.Advance(RenderTime);
        var url = (await QueryAsync(id)).GetProperty("video_url").GetString()!;
        using var cdn = AnonymousClient();
        return await cdn.GetByteArrayAsync(url);
    }

    protected async Task AssertRefusedAsync(object request, string param, string code = "invalid_value")
    {
        using var response = await CreateAsync(request);
        var error = (await Json.ReadAsync(response)).GetProperty("error");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(0, Server.CreatedTaskCount);
    }
}
