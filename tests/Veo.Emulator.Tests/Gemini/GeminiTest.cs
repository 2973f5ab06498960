using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Veo.Emulator.Tests.Gemini;

public abstract class GeminiTest : EmulatorTest
{
    protected const string Model = "veo-3.1-fast-generate-preview";

    protected HttpClient Google { get; private set; } = null!;

    protected static JsonObject Image(byte[]? bytes = null, string mimeType = "image/png") => new()
    {
        ["bytesBase64Encoded"] = Convert.ToBase64String(bytes ?? ImageHeaders.Png),
        ["mimeType"] = mimeType,
    };

    protected static JsonObject Request(JsonObject? instance = null, JsonObject? parameters = null)
    {
        var request = new JsonObject { ["instances"] = new JsonArray(instance ?? new JsonObject { ["prompt"] = "A cat on a piano" }) };
        if (parameters is not null) request["parameters"] = parameters;
        return request;
    }

    protected HttpClient GoogleClient(string? key = "emulator-key", bool followRedirects = true)
    {
        var client = Host.CreateClient(followRedirects);
        if (key is not null) client.DefaultRequestHeaders.Add("x-goog-api-key", key);
        return client;
    }

    protected Task<HttpResponseMessage> CreateAsync(JsonNode body, string model = Model, HttpClient? client = null) =>
        (client ?? GoogleClient()).PostAsync($"v1beta/models/{model}:predictLongRunning",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    protected async Task<string> CreateOperationAsync(JsonNode? body = null, string model = Model)
    {
        using var response = await CreateAsync(body ?? Request(), model);
        Assert.Equal(200, (int)response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("name").GetString()!;
    }

    protected async Task<JsonElement> PollAsync(string operationName)
    {
        using var response = await GoogleClient().GetAsync($"v1beta/{operationName}");
        Assert.Equal(200, (int)response.StatusCode);
        return await Json.ReadAsync(response);
    }

    protected static string VideoUri(JsonElement operation) =>
        operation.GetProperty("response").GetProperty("generateVideoResponse").GetProperty("generatedSamples")[0]
            .GetProperty("video").GetProperty("uri").GetString()!;

    /// <summary>
    /// Where a client downloads the video named by <paramref name="videoUri"/>, read the way @google/genai reads it: an
    /// https:// URI whose id after "files/" is requested as files/{id}:download?alt=media from the client's own base URL.
    /// </summary>
    protected static string DownloadPath(string videoUri)
    {
        Assert.StartsWith("https://", videoUri);
        var id = Regex.Match(videoUri[(videoUri.IndexOf("files/", StringComparison.Ordinal) + "files/".Length)..], "[a-z0-9]+").Value;
        return $"v1beta/files/{id}:download?alt=media";
    }

    protected async Task<byte[]> RenderAsync(JsonNode body)
    {
        var name = await CreateOperationAsync(body);
        Server.Clock.Advance(RenderTime);
        return await GoogleClient().GetByteArrayAsync(DownloadPath(VideoUri(await PollAsync(name))));
    }

    protected static async Task<JsonElement> GoogleErrorOf(HttpResponseMessage response) =>
        (await Json.ReadAsync(response)).GetProperty("error");

    protected async Task AssertInvalidArgumentAsync(JsonNode body, string messageContains)
    {
        using var response = await CreateAsync(body);
        var error = await GoogleErrorOf(response);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(400, error.GetProperty("code").GetInt32());
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("status").GetString());
        Assert.Contains(messageContains, error.GetProperty("message").GetString());
        Assert.Equal(0, Server.CreatedTaskCount);
    }
}
