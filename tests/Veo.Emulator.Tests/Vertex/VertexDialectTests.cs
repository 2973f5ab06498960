using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Veo.Emulator.Tests.Vertex;

/// <summary>
/// The emulator's Vertex AI, field for field as python-genai reads it: the project/location path, fetchPredictOperation,
/// inline or gs:// videos, silence when generateAudio is false, and Google's 401 for a missing or wrong token.
/// </summary>
public class VertexDialectTests : EmulatorTest
{
    private const string Resource = "projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-fast-generate-001";

    private static JsonObject Request(JsonObject? parameters = null) => new()
    {
        ["instances"] = new JsonArray(new JsonObject { ["prompt"] = "A cat on a piano" }),
        ["parameters"] = parameters ?? new JsonObject(),
    };

    private Task<HttpResponseMessage> PostAsync(string path, JsonNode body, HttpClient? client = null) =>
        (client ?? Client).PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private async Task<string> CreateAsync(JsonObject? parameters = null, string version = "v1")
    {
        using var response = await PostAsync($"{version}/{Resource}:predictLongRunning", Request(parameters));
        Assert.Equal(200, (int)response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("name").GetString()!;
    }

    private async Task<JsonElement> FetchAsync(string name)
    {
        using var response = await PostAsync($"v1/{Resource}:fetchPredictOperation", new JsonObject { ["operationName"] = name });
        Assert.Equal(200, (int)response.StatusCode);
        return await Json.ReadAsync(response);
    }

    /// <summary>The handler types of the tracks in the MP4's moov: "vide", "soun".</summary>
    private static List<string> Tracks(byte[] mp4)
    {
        var tracks = new List<string>();
        foreach (var (start, size, type) in Boxes(mp4, 0, mp4.Length))
        {
            if (type != "moov") continue;
            foreach (var trak in Boxes(mp4, start + 8, start + size).Where(b => b.Type == "trak"))
                foreach (var mdia in Boxes(mp4, trak.Start + 8, trak.Start + trak.Size).Where(b => b.Type == "mdia"))
                    foreach (var hdlr in Boxes(mp4, mdia.Start + 8, mdia.Start + mdia.Size).Where(b => b.Type == "hdlr"))
                        tracks.Add(Encoding.ASCII.GetString(mp4, hdlr.Start + 16, 4));
        }
        return tracks;

        static IEnumerable<(int Start, int Size, string Type)> Boxes(byte[] bytes, int from, int to)
        {
            for (var at = from; at + 8 <= to;)
            {
                var size = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at, 4));
                if (size < 8 || at + size > to) yield break;
                yield return (at, size, Encoding.ASCII.GetString(bytes, at + 4, 4));
                at += size;
            }
        }
    }

    [Fact]
    public async Task An_operation_is_named_under_its_model_and_has_no_done_while_it_runs()
    {
        var name = await CreateAsync();

        Assert.Matches($"^{Resource}/operations/[0-9a-f-]{{36}}$", name);
        var running = await FetchAsync(name);
        Assert.Equal(new[] { "name" }, Json.Names(running));
    }

    [Fact]
    public async Task Python_genais_v1beta1_path_is_served_too()
    {
        var name = await CreateAsync(version: "v1beta1");

        Assert.StartsWith(Resource, name);
    }

    [Fact]
    public async Task A_finished_operation_holds_each_sample_inline_and_silent_ones_have_no_sound_track()
    {
        var name = await CreateAsync(new JsonObject { ["sampleCount"] = 3, ["generateAudio"] = false, ["seed"] = 42 });
        AdvanceToContentReady();

        var done = await FetchAsync(name);

        Assert.True(done.GetProperty("done").GetBoolean());
        var response = done.GetProperty("response");
        Assert.Equal("type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse", response.GetProperty("@type").GetString());
        Assert.Equal(0, response.GetProperty("raiMediaFilteredCount").GetInt32());
        var videos = response.GetProperty("videos").EnumerateArray().ToList();
        Assert.Equal(3, videos.Count);
        Assert.All(videos, v => Assert.Equal("video/mp4", v.GetProperty("mimeType").GetString()));
        Assert.Equal(new[] { "vide" }, Tracks(Convert.FromBase64String(videos[0].GetProperty("bytesBase64Encoded").GetString()!)));
    }

    [Fact]
    public async Task A_video_with_sound_has_its_sound_track()
    {
        var name = await CreateAsync();
        AdvanceToContentReady();

        var video = (await FetchAsync(name)).GetProperty("response").GetProperty("videos")[0];

        Assert.Equal(new[] { "vide", "soun" }, Tracks(Convert.FromBase64String(video.GetProperty("bytesBase64Encoded").GetString()!)));
    }

    [Fact]
    public async Task With_a_storage_uri_the_videos_are_gs_objects_the_storage_api_serves_with_the_token()
    {
        var name = await CreateAsync(new JsonObject { ["storageUri"] = "gs://my-bucket/veo", ["sampleCount"] = 2 });
        AdvanceToContentReady();
        var id = name[(name.LastIndexOf('/') + 1)..];

        var videos = (await FetchAsync(name)).GetProperty("response").GetProperty("videos").EnumerateArray().ToList();

        Assert.Equal(new[] { $"gs://my-bucket/veo/{id}/sample_0.mp4", $"gs://my-bucket/veo/{id}/sample_1.mp4" },
            videos.Select(v => v.GetProperty("gcsUri").GetString()));
        var objectPath = $"storage/v1/b/my-bucket/o/{Uri.EscapeDataString($"veo/{id}/sample_1.mp4")}?alt=media";
        using var anonymous = AnonymousClient();
        Assert.Equal(401, (int)(await anonymous.GetAsync(objectPath)).StatusCode);
        var bytes = await Client.GetByteArrayAsync(objectPath);
        Assert.Equal(new[] { "vide", "soun" }, Tracks(bytes));
    }

    [Theory]
    [InlineData(null, "CREDENTIALS_MISSING", "Request is missing required authentication credential")]
    [InlineData("ya29.wrong", "ACCESS_TOKEN_TYPE_UNSUPPORTED", "Request had invalid authentication credentials")]
    public async Task A_missing_or_wrong_token_gets_Googles_401(string? token, string reason, string message)
    {
        using var client = ClientFor(Host, token);

        using var response = await PostAsync($"v1/{Resource}:predictLongRunning", Request(), client);

        Assert.Equal(401, (int)response.StatusCode);
        var error = (await Json.ReadAsync(response)).GetProperty("error");
        Assert.Equal((401, "UNAUTHENTICATED"), (error.GetProperty("code").GetInt32(), error.GetProperty("status").GetString()));
        Assert.StartsWith(message, error.GetProperty("message").GetString());
        Assert.Equal(reason, error.GetProperty("details")[0].GetProperty("reason").GetString());
        Assert.Equal(0, Server.CreatedTaskCount);
    }

    [Fact]
    public async Task An_API_key_header_is_not_a_token()
    {
        using var client = ClientFor(Host, bearer: null);
        client.DefaultRequestHeaders.Add("x-goog-api-key", "emulator-key");

        using var response = await PostAsync($"v1/{Resource}:predictLongRunning", Request(), client);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("sampleCount", "5", "1 to 4 videos")]
    [InlineData("sampleCount", "0", "1 to 4 videos")]
    [InlineData("generateAudio", "\"no\"", "true or false")]
    [InlineData("seed", "-1", "from 0 to")]
    [InlineData("storageUri", "\"https://bucket/x\"", "not a Cloud Storage URI")]
    [InlineData("durationSeconds", "5", "4, 6 or 8")]
    [InlineData("compressionQuality", "\"best\"", "\"optimized\" or \"lossless\"")]
    [InlineData("resizeMode", "\"stretch\"", "\"crop\" or \"pad\"")]
    public async Task A_parameter_Vertex_AI_refuses_is_a_400(string name, string json, string expected)
    {
        using var response = await PostAsync($"v1/{Resource}:predictLongRunning", Request(new JsonObject { [name] = JsonNode.Parse(json) }));

        Assert.Equal(400, (int)response.StatusCode);
        var error = (await Json.ReadAsync(response)).GetProperty("error");
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("status").GetString());
        Assert.Contains(expected, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_model_is_Vertex_AIs_404()
    {
        using var response = await PostAsync("v1/projects/p1/locations/us-central1/publishers/google/models/veo-9:predictLongRunning", Request());

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("Publisher Model `projects/p1/locations/us-central1/publishers/google/models/veo-9` not found",
            (await Json.ReadAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_operation_is_found_only_under_the_model_it_was_made_with()
    {
        var name = await CreateAsync();

        using var response = await PostAsync("v1/projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-generate-001:fetchPredictOperation",
            new JsonObject { ["operationName"] = name });

        Assert.Equal(404, (int)response.StatusCode);
    }
}

/// <summary>
/// The same served in-process, as the module's users get it: that host decodes %2F in a path (Kestrel does not), which
/// the storage API's object names are full of.
/// </summary>
public class InProcessVertexDialectTests : VertexDialectTests
{
    protected override EmulatorHostKind HostKind => EmulatorHostKind.InProcess;
}
