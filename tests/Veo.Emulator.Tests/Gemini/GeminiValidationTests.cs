using System.Text.Json.Nodes;

namespace Veo.Emulator.Tests.Gemini;

/// <summary>The Veo 3.1 rules, answered as Google answers a bad request: 400 INVALID_ARGUMENT.</summary>
public sealed class GeminiValidationTests : GeminiTest
{
    private static JsonObject Prompt(string text = "A cat") => new() { ["prompt"] = text };

    private static JsonArray References(int count, string referenceType = "asset") =>
        new([.. Enumerable.Range(0, count).Select(_ => (JsonNode)new JsonObject { ["image"] = Image(), ["referenceType"] = referenceType })]);

    [Fact]
    public async Task The_request_the_sdk_builds_for_first_and_last_frames_is_accepted() =>
        await CreateOperationAsync(Request(
            new JsonObject { ["prompt"] = "A cat", ["image"] = Image(), ["lastFrame"] = Image(ImageHeaders.Jpeg, "image/jpeg") },
            new JsonObject { ["aspectRatio"] = "16:9", ["resolution"] = "1080p", ["durationSeconds"] = 8, ["personGeneration"] = "allow_adult" }));

    [Fact]
    public async Task A_seed_is_refused_as_the_Gemini_API_takes_none() =>
        // python-genai and @google/genai refuse config.seed on the Gemini API (Vertex only); a REST client that sends one is told.
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { ["seed"] = 7 }), "seed");

    [Fact]
    public async Task The_webhook_config_the_sdk_sends_at_the_top_level_is_accepted()
    {
        var body = Request();
        body["webhookConfig"] = new JsonObject
        {
            ["uris"] = new JsonArray("https://example.invalid/veo-done"),
            ["userMetadata"] = new JsonObject { ["job"] = "42" },
        };

        await CreateOperationAsync(body);
    }

    [Theory]
    [InlineData("{\"uris\":\"https://example.invalid/hook\"}", "webhookConfig.uris")]
    [InlineData("{\"uris\":[\"not a url\"]}", "webhookConfig.uris[0]")]
    [InlineData("{\"url\":\"https://example.invalid/hook\"}", "Unknown name \"url\"")]
    [InlineData("[]", "webhookConfig must be an object")]
    public async Task A_malformed_webhook_config_is_refused(string webhookConfig, string messageContains)
    {
        var body = Request();
        body["webhookConfig"] = JsonNode.Parse(webhookConfig);

        await AssertInvalidArgumentAsync(body, messageContains);
    }

    [Theory]
    [InlineData("asset")]
    [InlineData("ASSET")]
    public async Task Up_to_3_asset_reference_images_are_accepted(string referenceType) =>
        await CreateOperationAsync(Request(new JsonObject { ["prompt"] = "A cat", ["referenceImages"] = References(3, referenceType) }));

    [Fact]
    public async Task An_image_alone_without_a_prompt_is_accepted() =>
        await CreateOperationAsync(Request(new JsonObject { ["image"] = Image(ImageHeaders.Webp, "image/webp") }));

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        using var response = await GoogleClient().PostAsync($"v1beta/models/{Model}:predictLongRunning", new StringContent("{nope"));

        Assert.Equal("INVALID_ARGUMENT", (await GoogleErrorOf(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Exactly_one_instance_is_required() =>
        await AssertInvalidArgumentAsync(new JsonObject { ["instances"] = new JsonArray() }, "exactly one instance");

    [Fact]
    public async Task A_prompt_is_required_without_an_image() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject()), "prompt is required");

    [Theory]
    [InlineData("5")]
    [InlineData("\"8\"")]
    [InlineData("10")]
    public async Task Durations_must_be_the_number_4_6_or_8(string duration) =>
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { ["durationSeconds"] = JsonNode.Parse(duration) }), "durationSeconds");

    [Theory]
    [InlineData("1080p")]
    [InlineData("4k")]
    public async Task High_resolutions_need_8_seconds(string resolution) =>
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { ["resolution"] = resolution, ["durationSeconds"] = 6 }), "8-second");

    [Theory]
    [InlineData("1080P")]
    [InlineData("480p")]
    public async Task Resolutions_are_spelled_720p_1080p_or_4k(string resolution) =>
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { ["resolution"] = resolution }), "resolution");

    [Fact]
    public async Task An_unsupported_aspect_ratio_is_refused() =>
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { ["aspectRatio"] = "1:1" }), "aspectRatio");

    [Fact]
    public async Task More_than_3_reference_images_are_refused() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["referenceImages"] = References(4) }), "at most 3");

    [Fact]
    public async Task Reference_images_with_a_first_frame_are_refused() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["image"] = Image(), ["referenceImages"] = References(1) }), "cannot be combined");

    [Fact]
    public async Task Reference_images_need_8_seconds() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["referenceImages"] = References(1) },
            new JsonObject { ["durationSeconds"] = 4 }), "8-second");

    [Fact]
    public async Task A_style_reference_is_refused() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["referenceImages"] = References(1, "style") }), "referenceType");

    [Fact]
    public async Task A_last_frame_without_a_first_frame_is_refused() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["lastFrame"] = Image() }), "needs a first frame");

    [Fact]
    public async Task A_negative_prompt_with_first_and_last_frames_is_refused() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["image"] = Image(), ["lastFrame"] = Image() },
            new JsonObject { ["negativePrompt"] = "blurry" }), "negativePrompt");

    [Fact]
    public async Task A_negative_prompt_with_reference_images_is_refused() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["referenceImages"] = References(1) },
            new JsonObject { ["negativePrompt"] = "blurry" }), "negativePrompt");

    [Fact]
    public async Task GenerateAudio_is_refused() =>
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { ["generateAudio"] = true }), "generateAudio");

    [Fact]
    public async Task An_unknown_parameter_is_refused_by_name() =>
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { ["duration"] = 8 }), "Unknown name \"duration\"");

    [Theory]
    [InlineData("compressionQuality", "LOSSLESS")]
    [InlineData("resizeMode", "CROP")]
    public async Task Vertex_AIs_output_options_are_unknown_to_the_Gemini_API(string name, string value) =>
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { [name] = value }), $"Unknown name \"{name}\"");

    [Fact]
    public async Task An_unknown_instance_field_is_refused_by_name() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["inlineData"] = Image() }), "Unknown name \"inlineData\"");

    [Fact]
    public async Task A_video_this_service_did_not_make_cannot_be_extended() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["video"] = new JsonObject { ["uri"] = "files/abc" } }),
            "does not name a video generated by Veo");

    [Fact]
    public async Task An_image_with_an_unaccepted_mime_type_is_refused() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["image"] = Image(mimeType: "image/gif") }), "image/jpeg, image/png or image/webp");

    [Fact]
    public async Task An_image_whose_bytes_are_not_an_image_is_refused() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["image"] = Image(ImageHeaders.Gif) }), "judged by its bytes");

    [Fact]
    public async Task An_image_that_is_not_base64_is_refused() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["image"] = new JsonObject { ["bytesBase64Encoded"] = "@@", ["mimeType"] = "image/png" } }), "base64");

    [Fact]
    public async Task A_gcs_uri_image_is_refused_on_the_gemini_api() =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["image"] = new JsonObject { ["gcsUri"] = "gs://b/a.png", ["mimeType"] = "image/png" } }), "gcsUri");

    [Fact]
    public async Task An_image_over_20_MB_is_refused()
    {
        var big = new byte[20 * 1024 * 1024 + 1];
        ImageHeaders.Png.CopyTo(big, 0);

        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["image"] = Image(big) }), "20 MB");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"7\"")]
    public async Task A_seed_must_be_a_non_negative_integer(string seed) =>
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { ["seed"] = JsonNode.Parse(seed) }), "seed");

    [Fact]
    public async Task Only_one_sample_per_request_is_rendered() =>
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { ["sampleCount"] = 2 }), "sampleCount");

    [Fact]
    public async Task An_unknown_person_generation_setting_is_refused() =>
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { ["personGeneration"] = "everyone" }), "everyone for personGeneration is currently not supported.");

    // Google's Veo 3.1 table: text-to-video and extension take allow_all only; image, frames and references allow_adult only.
    [Theory]
    [InlineData("allow_adult")]
    [InlineData("dont_allow")]
    public async Task Text_to_video_takes_only_allow_all(string value) =>
        await AssertInvalidArgumentAsync(Request(parameters: new JsonObject { ["personGeneration"] = value }), $"{value} for personGeneration is currently not supported.");

    [Fact]
    public async Task Text_to_video_takes_allow_all() =>
        await CreateOperationAsync(Request(parameters: new JsonObject { ["personGeneration"] = "allow_all" }));

    [Theory]
    [InlineData("allow_all")]
    [InlineData("dont_allow")]
    public async Task Image_to_video_takes_only_allow_adult(string value) =>
        await AssertInvalidArgumentAsync(Request(new JsonObject { ["prompt"] = "x", ["image"] = Image() }, new JsonObject { ["personGeneration"] = value }),
            $"{value} for personGeneration is currently not supported.");

    [Fact]
    public async Task Reference_images_take_allow_adult() =>
        await CreateOperationAsync(Request(new JsonObject { ["prompt"] = "x", ["referenceImages"] = References(1) }, new JsonObject { ["personGeneration"] = "allow_adult" }));

    [Theory]
    [InlineData("veo-3.1-generate-001")]
    [InlineData("veo-3.1-fast-generate-001")]
    [InlineData("veo-3.1-lite-generate-001")]
    public async Task Vertex_model_ids_are_not_found_on_the_Gemini_API(string model)
    {
        using var response = await CreateAsync(Request(), model);
        var error = await GoogleErrorOf(response);

        Assert.Equal((404, "NOT_FOUND"), ((int)response.StatusCode, error.GetProperty("status").GetString()));
        Assert.Contains($"models/{model} is not found for API version v1beta", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{\"prompt\":\"x\",\"image\":IMAGE,\"lastFrame\":IMAGE}", "{}", "lastFrame")]
    [InlineData("{\"prompt\":\"x\"}", "{\"resolution\":\"4k\"}", "4k")]
    public async Task Lite_makes_no_frames_pair_and_no_4k(string instance, string parameters, string messageContains)
    {
        var body = Request((JsonObject)JsonNode.Parse(instance.Replace("IMAGE", Image().ToJsonString()))!, (JsonObject)JsonNode.Parse(parameters)!);
        using var response = await CreateAsync(body, "veo-3.1-lite-generate-preview");
        var error = await GoogleErrorOf(response);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(messageContains, error.GetProperty("message").GetString());
    }
}
