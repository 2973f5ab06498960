namespace Veo.Emulator.Tests.OpenAIVideos;

/// <summary>Each rule of the LaoZhang document: a 400 that names the field, and nothing created (nothing billed).</summary>
public sealed class OpenAIVideosValidationTests : OpenAIVideosTest
{
    private static VideoForm EightSeconds(string size = "1280x720") =>
        VideoForm.TextToVideo().Field("seconds", "8").Field("duration", "8").Field("size", size);

    private async Task<string> AssertRefusedAsync(VideoForm form, string param, string code = "invalid_value")
    {
        using var response = await CreateAsync(form);
        var error = await ErrorOf(response);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(0, Server.CreatedTaskCount);
        return error.GetProperty("message").GetString()!;
    }

    [Fact]
    public async Task Create_without_a_model_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Without("model"), "model", "missing_required_parameter");

    [Theory]
    [InlineData("veo-3.1")]
    [InlineData("veo-3.1-fast")]
    [InlineData("veo-3.1-fl")]
    public async Task Legacy_model_names_are_refused_with_the_official_forward_names(string legacy)
    {
        var message = await AssertRefusedAsync(VideoForm.TextToVideo(model: legacy), "model");

        Assert.Contains("veo-3.1-fast-generate-preview", message);
    }

    [Fact]
    public async Task An_unknown_model_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo(model: "sora-2"), "model");

    [Theory]
    [InlineData("veo-3.1-fast-generate-preview")]
    [InlineData("veo-3.1-generate-preview")]
    public async Task Both_official_forward_models_are_accepted(string model) =>
        await CreateTaskAsync(VideoForm.TextToVideo(model: model));

    [Fact]
    public async Task Create_without_a_prompt_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Without("prompt"), "prompt", "missing_required_parameter");

    [Fact]
    public async Task A_blank_prompt_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo(prompt: "   "), "prompt", "missing_required_parameter");

    [Theory]
    [InlineData("seconds", "5")]
    [InlineData("seconds", "10")]
    [InlineData("duration", "eight")]
    public async Task Durations_other_than_4_6_or_8_are_refused(string field, string value) =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Field(field, value), field);

    [Fact]
    public async Task Seconds_and_duration_must_be_equal_when_both_are_given() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Field("seconds", "8").Field("duration", "6"), "duration");

    [Theory]
    [InlineData("4")]
    [InlineData("6")]
    public async Task Short_720p_videos_are_accepted(string seconds) =>
        await CreateTaskAsync(VideoForm.TextToVideo().Field("seconds", seconds).Field("duration", seconds).Field("resolution", "720p"));

    [Fact]
    public async Task An_unsupported_size_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Field("size", "1024x1024"), "size");

    [Theory]
    [InlineData("1280x720")]
    [InlineData("720x1280")]
    [InlineData("1920x1080")]
    [InlineData("1080x1920")]
    [InlineData("3840x2160")]
    [InlineData("2160x3840")]
    public async Task Every_documented_size_is_accepted_at_8_seconds(string size) =>
        await CreateTaskAsync(EightSeconds(size));

    [Fact]
    public async Task An_unsupported_resolution_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Field("resolution", "480p"), "resolution");

    [Fact]
    public async Task A_resolution_that_contradicts_the_size_is_refused() =>
        await AssertRefusedAsync(EightSeconds("1280x720").Field("resolution", "1080p"), "resolution");

    [Fact]
    public async Task An_unsupported_aspect_ratio_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Field("aspectRatio", "1:1"), "aspectRatio");

    [Fact]
    public async Task An_aspect_ratio_that_contradicts_the_size_is_refused() =>
        await AssertRefusedAsync(EightSeconds("1280x720").Field("aspectRatio", "9:16"), "aspectRatio");

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"4k\"")]
    public async Task Metadata_that_is_not_a_json_object_is_refused(string metadata) =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Field("metadata", metadata), "metadata");

    [Theory]
    [InlineData("1080p", "6")]
    [InlineData("4k", "4")]
    public async Task High_resolutions_need_8_seconds(string resolution, string seconds)
    {
        var message = await AssertRefusedAsync(VideoForm.TextToVideo().Field("seconds", seconds).Field("resolution", resolution), "seconds");

        Assert.Contains("8", message);
    }

    [Fact]
    public async Task A_1080p_size_with_a_short_duration_is_refused_on_the_duration_field() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Field("duration", "4").Field("size", "1920x1080"), "duration");

    [Fact]
    public async Task GenerateAudio_is_refused_with_INVALID_ARGUMENT() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Field("generateAudio", "true"), "generateAudio", "INVALID_ARGUMENT");

    [Fact]
    public async Task A_video_for_extension_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().File("video", Fixtures.Bytes("landscape-720p"), "video/mp4", "in.mp4"), "video");

    [Fact]
    public async Task A_last_frame_without_a_first_frame_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().File("last_frame", ImageHeaders.Png), "last_frame");

    [Fact]
    public async Task The_camel_case_lastFrame_without_a_first_frame_is_refused_by_its_name() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().File("lastFrame", ImageHeaders.Png), "lastFrame");

    [Theory]
    [InlineData("last_frame")]
    [InlineData("lastFrame")]
    public async Task First_and_last_frames_are_accepted_under_either_name(string lastField) =>
        await CreateTaskAsync(EightSeconds().File("input_reference", ImageHeaders.Png).File(lastField, ImageHeaders.Jpeg, "image/jpeg", "last.jpg"));

    [Fact]
    public async Task A_negative_prompt_with_first_and_last_frames_is_refused() =>
        await AssertRefusedAsync(EightSeconds().Field("negativePrompt", "blurry")
            .File("input_reference", ImageHeaders.Png).File("last_frame", ImageHeaders.Png), "negativePrompt");

    [Fact]
    public async Task A_negative_prompt_with_reference_images_is_refused() =>
        await AssertRefusedAsync(EightSeconds().Field("negativePrompt", "blurry").File("referenceImages", ImageHeaders.Png), "negativePrompt");

    [Fact]
    public async Task A_negative_prompt_with_a_single_start_image_is_accepted() =>
        await CreateTaskAsync(EightSeconds().Field("negativePrompt", "blurry").File("input_reference", ImageHeaders.Jpeg, "image/jpeg", "a.jpg"));

    [Fact]
    public async Task Up_to_3_reference_images_under_any_documented_name_are_accepted() =>
        await CreateTaskAsync(EightSeconds().Field("referenceType", "asset").File("referenceImages", ImageHeaders.Png)
            .File("reference_image", ImageHeaders.Jpeg, "image/jpeg", "b.jpg").File("reference_images", ImageHeaders.Webp, "image/webp", "c.webp"));

    [Fact]
    public async Task More_than_3_reference_images_are_refused()
    {
        var form = EightSeconds();
        for (var i = 0; i < 4; i++) form.File("referenceImages", ImageHeaders.Png);

        var message = await AssertRefusedAsync(form, "referenceImages");

        Assert.Contains("3", message);
    }

    [Fact]
    public async Task Reference_images_counted_across_field_names_may_not_exceed_3() =>
        await AssertRefusedAsync(EightSeconds().File("referenceImages", ImageHeaders.Png).File("referenceImages", ImageHeaders.Png)
            .File("reference_image", ImageHeaders.Png).File("reference_images", ImageHeaders.Png), "referenceImages");

    [Fact]
    public async Task Reference_images_with_a_start_image_are_refused() =>
        await AssertRefusedAsync(EightSeconds().File("input_reference", ImageHeaders.Png).File("referenceImages", ImageHeaders.Png), "referenceImages");

    [Fact]
    public async Task Reference_images_need_8_seconds() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Field("seconds", "4").File("referenceImages", ImageHeaders.Png), "seconds");

    [Fact]
    public async Task A_reference_type_other_than_asset_is_refused() =>
        await AssertRefusedAsync(EightSeconds().Field("referenceType", "style").File("referenceImages", ImageHeaders.Png), "referenceType");

    [Fact]
    public async Task An_image_given_as_a_url_instead_of_a_file_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Field("input_reference", "https://example.com/a.png"), "input_reference");

    [Fact]
    public async Task An_image_whose_bytes_are_not_jpeg_png_or_webp_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().File("input_reference", ImageHeaders.Gif, "image/png"), "input_reference");

    [Fact]
    public async Task An_image_part_with_a_non_image_content_type_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().File("input_reference", ImageHeaders.Png, "application/octet-stream"), "input_reference");

    [Fact]
    public async Task An_empty_image_is_refused() =>
        await AssertRefusedAsync(VideoForm.TextToVideo().File("input_reference", [], "image/png"), "input_reference");

    [Fact]
    public async Task An_image_over_20_MB_is_refused()
    {
        var big = new byte[20 * 1024 * 1024 + 1];
        ImageHeaders.Png.CopyTo(big, 0);

        var message = await AssertRefusedAsync(EightSeconds().File("referenceImages", big), "referenceImages");

        Assert.Contains("20 MB", message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("lucky")]
    public async Task A_seed_that_is_not_a_non_negative_integer_is_refused(string seed) =>
        await AssertRefusedAsync(VideoForm.TextToVideo().Field("seed", seed), "seed");

    [Fact]
    public async Task The_documented_4K_example_is_accepted() =>
        await CreateTaskAsync(EightSeconds("3840x2160").Field("resolution", "4k").Field("aspectRatio", "16:9")
            .Field("metadata", "{\"durationSeconds\":8,\"resolution\":\"4k\",\"aspectRatio\":\"16:9\"}")
            .Field("negativePrompt", "blurry, watermark").Field("seed", "20260521").File("input_reference", ImageHeaders.Jpeg, "image/jpeg", "a.jpg"));

    [Fact]
    public async Task A_json_body_is_refused_because_the_route_takes_multipart()
    {
        using var response = await Client.PostAsync("v1/videos",
            new StringContent("{\"model\":\"veo-3.1-fast-generate-preview\",\"prompt\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        var error = await ErrorOf(response);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("multipart/form-data", error.GetProperty("message").GetString());
    }
}
