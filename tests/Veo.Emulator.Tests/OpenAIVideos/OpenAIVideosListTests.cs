namespace Veo.Emulator.Tests.OpenAIVideos;

/// <summary>
/// GET /v1/videos as OpenAI serves it (openai npm 7.60.0: VideoListParams after/limit/order, a ConversationCursorPage of
/// data/has_more/last_id), and as new-api gateways answer the path they do not route (ListVideos off).
/// </summary>
public sealed class OpenAIVideosListTests : OpenAIVideosTest
{
    private async Task<System.Text.Json.JsonElement> ListAsync(string query = "")
    {
        using var response = await Client.GetAsync("v1/videos" + query);
        Assert.Equal(200, (int)response.StatusCode);
        return await Json.ReadAsync(response);
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_after_last_id_until_has_more_is_false()
    {
        var made = new List<string>();
        for (var i = 0; i < 5; i++) made.Add(await CreateTaskAsync());

        var first = await ListAsync("?limit=2");
        var second = await ListAsync($"?limit=2&after={first.GetProperty("last_id").GetString()}");
        var third = await ListAsync($"?limit=2&after={second.GetProperty("last_id").GetString()}");

        Assert.Equal("list", first.GetProperty("object").GetString());
        var listed = new[] { first, second, third }.SelectMany(p => p.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString())).ToList();
        Assert.Equal(Enumerable.Reverse(made), listed);
        Assert.Equal((true, true, false), (first.GetProperty("has_more").GetBoolean(), second.GetProperty("has_more").GetBoolean(), third.GetProperty("has_more").GetBoolean()));
        var video = first.GetProperty("data")[0];
        Assert.Equal("video", video.GetProperty("object").GetString());
        Assert.False(string.IsNullOrEmpty(video.GetProperty("prompt").GetString()));
        Assert.Equal(made.ToArray(), (await ListAsync("?order=asc")).GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToArray());
    }

    [Fact]
    public async Task A_new_api_gateway_routes_no_list_and_answers_404()
    {
        Server.Options.ListVideos = false;

        using var response = await Client.GetAsync("v1/videos");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("Invalid URL (GET /v1/videos)", (await ErrorOf(response)).GetProperty("message").GetString());
    }
}
