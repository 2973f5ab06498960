using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Veo.Emulator.Tests.Vertex;

/// <summary>
/// Extension on the emulator's Vertex AI: instances[0].video carries one of its own videos, as a gs:// object or inline
/// bytes (python-genai _Video_to_vertex), and the answer is one video of the source and 7 seconds, in the source's shape.
/// </summary>
public class VertexExtensionTests : EmulatorTest
{
    private const string Resource = "projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-fast-generate-001";

    private async Task<HttpResponseMessage> CreateAsync(JsonObject instance, JsonObject? parameters = null) =>
        await Client.PostAsync($"v1/{Resource}:predictLongRunning", new StringContent(new JsonObject
        {
            ["instances"] = new JsonArray(instance),
            ["parameters"] = parameters ?? new JsonObject(),
        }.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>Makes a video and answers its finished operation's first video object ({bytesBase64Encoded|gcsUri, mimeType}).</summary>
    private async Task<JsonObject> FinishedVideoAsync(JsonObject? parameters = null, JsonObject? instance = null)
    {
        using var created = await CreateAsync(instance ?? new JsonObject { ["prompt"] = "A cat on a piano" }, parameters);
        Assert.Equal(200, (int)created.StatusCode);
        var name = (await Json.ReadAsync(created)).GetProperty("name").GetString()!;
        AdvanceToContentReady();
        using var fetched = await Client.PostAsync($"v1/{Resource}:fetchPredictOperation",
            new StringContent(new JsonObject { ["operationName"] = name }.ToJsonString(), Encoding.UTF8, "application/json"));
        var done = JsonNode.Parse(await fetched.Content.ReadAsStringAsync())!;
        return (JsonObject)done["response"]!["videos"]![0]!.DeepClone();
    }

    private static Veo.Core.Media.Mp4Info Mp4Of(JsonObject video) =>
        Veo.Core.Media.Mp4Reader.Read(new MemoryStream(Convert.FromBase64String(video["bytesBase64Encoded"]!.GetValue<string>())));

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(400, (int)response.StatusCode);
        var error = (await Json.ReadAsync(response)).GetProperty("error");
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("status").GetString());
        return error.GetProperty("message").GetString()!;
    }

    [Fact]
    public async Task An_inline_video_sent_back_is_extended_into_one_of_fifteen_seconds_in_its_shape()
    {
        var source = await FinishedVideoAsync(new JsonObject { ["aspectRatio"] = "9:16" });

        var extended = await FinishedVideoAsync(instance: new JsonObject { ["prompt"] = "And then it rains", ["video"] = source });

        var info = Mp4Of(extended);
        Assert.Equal((720, 1280), (info.Width, info.Height));
        Assert.Equal(15.0, info.Duration.TotalSeconds, 0.1);
        Assert.Equal("And then it rains", Server.CreatedTasks[^1].Prompt);
    }

    [Fact]
    public async Task A_gs_object_it_wrote_is_extended_silently_when_audio_is_off()
    {
        var source = await FinishedVideoAsync(new JsonObject { ["storageUri"] = "gs://my-bucket/veo/" });
        Assert.StartsWith("gs://my-bucket/veo/", source["gcsUri"]!.GetValue<string>());

        var extended = await FinishedVideoAsync(new JsonObject { ["generateAudio"] = false, ["resolution"] = "1080p" },
            new JsonObject { ["prompt"] = "Then night falls", ["video"] = source });

        var info = Mp4Of(extended);
        Assert.Equal((1920, 1080, false), (info.Width, info.Height, info.HasAudio));
        Assert.Equal(15.0, info.Duration.TotalSeconds, 0.1);
    }

    [Fact]
    public async Task Extensions_stop_at_a_source_of_thirty_seconds()
    {
        var video = await FinishedVideoAsync();
        for (var i = 0; i < 3; i++) video = await FinishedVideoAsync(instance: new JsonObject { ["prompt"] = "More", ["video"] = video });
        Assert.Equal(29.0, Mp4Of(video).Duration.TotalSeconds, 0.1);

        var longer = await FinishedVideoAsync(instance: new JsonObject { ["prompt"] = "More", ["video"] = video });
        using var refused = await CreateAsync(new JsonObject { ["prompt"] = "Too long", ["video"] = longer });

        Assert.Contains("36 seconds long; videos of 1 to 30 seconds can be extended", await RefusalAsync(refused));
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { """{"gcsUri":"gs://someone-else/clip.mp4","mimeType":"video/mp4"}""", "{}", "does not name a video Veo generated" },
        { """{"bytesBase64Encoded":"AAAAGGZ0eXBtcDQy","mimeType":"video/mp4"}""", "{}", "is not a video Veo generated" },
        { """{"uri":"https://example.com/v.mp4"}""", "{}", "Unknown name \"uri\"" },
        { """{"gcsUri":"gs://my-bucket/x.mp4","bytesBase64Encoded":"AA=="}""", "{}", "exactly one of gcsUri or bytesBase64Encoded" },
        { """{"gcsUri":"gs://my-bucket/x.mov","mimeType":"video/quicktime"}""", "{}", "send an MP4" },
        { """{"gcsUri":"gs://my-bucket/x.mp4"}""", """{"durationSeconds":8}""", "adds 7 seconds" },
        { """{"gcsUri":"gs://my-bucket/x.mp4"}""", """{"resolution":"4k"}""", "use \"720p\" or \"1080p\"" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_video_it_did_not_make_or_a_request_it_cannot_extend_is_a_400(string video, string parameters, string expected)
    {
        using var response = await CreateAsync(new JsonObject { ["prompt"] = "x", ["video"] = JsonNode.Parse(video) }, (JsonObject)JsonNode.Parse(parameters)!);

        Assert.Contains(expected, await RefusalAsync(response));
        Assert.Equal(0, Server.CreatedTaskCount);
    }

    [Fact]
    public async Task Veo_3_1_not_Fast_extends_at_720p_only()
    {
        var source = await FinishedVideoAsync();
        const string standard = "projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-generate-001";

        using var response = await Client.PostAsync($"v1/{standard}:predictLongRunning", new StringContent(new JsonObject
        {
            ["instances"] = new JsonArray(new JsonObject { ["prompt"] = "x", ["video"] = source }),
            ["parameters"] = new JsonObject { ["resolution"] = "1080p" },
        }.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Contains("not supported for video extension with veo-3.1-generate-001", await RefusalAsync(response));
    }

    [Fact]
    public async Task An_extension_keeps_the_sources_aspect_ratio_and_takes_no_images()
    {
        var source = await FinishedVideoAsync();
        using var reshaped = await CreateAsync(new JsonObject { ["prompt"] = "x", ["video"] = source.DeepClone() }, new JsonObject { ["aspectRatio"] = "9:16" });
        Assert.Contains("does not match the input video's \"16:9\"", await RefusalAsync(reshaped));

        using var withImage = await CreateAsync(new JsonObject
        {
            ["prompt"] = "x", ["video"] = source.DeepClone(),
            ["image"] = new JsonObject { ["bytesBase64Encoded"] = "AA==", ["mimeType"] = "image/png" },
        });
        Assert.Contains("cannot be combined with image", await RefusalAsync(withImage));
    }
}

/// <summary>The same served in-process, as the module's users get it.</summary>
public class InProcessVertexExtensionTests : VertexExtensionTests
{
    protected override EmulatorHostKind HostKind => EmulatorHostKind.InProcess;
}
