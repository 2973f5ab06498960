namespace Veo.Emulator.Tests.UnifiedVideo;

public sealed class UnifiedVideoValidationTests : UnifiedVideoTest
{
    [Fact]
    public async Task Create_without_a_model_is_refused() =>
        await AssertRefusedAsync(new { prompt = "x" }, "model", "missing_required_parameter");

    [Theory]
    [InlineData("veo-3.1-fast-generate-preview")]
    [InlineData("veo3.1")]
    public async Task Models_not_in_the_crazyrouter_catalog_are_refused(string model) =>
        await AssertRefusedAsync(TextToVideo(model: model), "model");

    [Fact]
    public async Task Create_without_a_prompt_is_refused() =>
        await AssertRefusedAsync(new { model = "veo-3.1" }, "prompt", "missing_required_parameter");

    [Fact]
    public async Task A_prompt_that_is_not_a_string_is_refused() =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = 42 }, "prompt");

    [Fact]
    public async Task An_unsupported_aspect_ratio_is_refused() =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = "x", aspect_ratio = "4:3" }, "aspect_ratio");

    [Fact]
    public async Task An_orientation_that_contradicts_the_aspect_ratio_is_refused() =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = "x", aspect_ratio = "16:9", orientation = "portrait" }, "orientation");

    [Theory]
    [InlineData("480P")]
    [InlineData("1024x1024")]
    public async Task An_unsupported_size_is_refused(string size) =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = "x", size }, "size");

    [Fact]
    public async Task A_pixel_size_that_contradicts_the_aspect_ratio_is_refused() =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = "x", aspect_ratio = "9:16", size = "1280x720" }, "size");

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public async Task Durations_other_than_4_6_or_8_are_refused(int duration) =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = "x", duration }, "duration");

    [Fact]
    public async Task A_duration_given_as_a_numeric_string_is_accepted() =>
        await CreateTaskAsync(new { model = "veo-3.1", prompt = "x", duration = "6" });

    [Theory]
    [InlineData("1080P")]
    [InlineData("4K")]
    public async Task High_resolutions_need_8_seconds(string size) =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = "x", size, duration = 6 }, "duration");

    [Fact]
    public async Task Boolean_flags_must_be_booleans() =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = "x", enhance_prompt = "yes" }, "enhance_prompt");

    [Fact]
    public async Task Flags_and_orientation_of_the_family_are_accepted() =>
        await CreateTaskAsync(new { model = "veo-3.1-fast", prompt = "x", orientation = "portrait", enhance_prompt = true, enable_upsample = false });

    [Fact]
    public async Task A_first_and_a_last_frame_url_are_accepted() =>
        await CreateTaskAsync(new { model = "veo-3.1", prompt = "x", images = new[] { "https://example.com/first.png", "https://example.com/last.png" } });

    [Fact]
    public async Task More_than_two_images_are_refused() =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = "x", images = new[] { "https://a/1.png", "https://a/2.png", "https://a/3.png" } }, "images");

    [Theory]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("/tmp/local.png")]
    [InlineData("data:image/png,notbase64")]
    [InlineData("data:image/png;base64,@@@")]
    public async Task Images_that_are_neither_http_urls_nor_base64_data_uris_are_refused(string image) =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = "x", images = new[] { image } }, "images");

    [Fact]
    public async Task A_base64_data_uri_of_a_png_is_accepted() =>
        await CreateTaskAsync(new { model = "veo-3.1", prompt = "x", images = new[] { ImageHeaders.DataUri(ImageHeaders.Png) } });

    [Fact]
    public async Task A_data_uri_whose_bytes_are_not_an_accepted_image_is_refused() =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = "x", images = new[] { ImageHeaders.DataUri(ImageHeaders.Gif) } }, "images");

    [Fact]
    public async Task A_data_uri_declaring_an_unaccepted_type_is_refused() =>
        await AssertRefusedAsync(new { model = "veo-3.1", prompt = "x", images = new[] { ImageHeaders.DataUri(ImageHeaders.Png, "image/gif") } }, "images");

    [Fact]
    public async Task A_body_that_is_not_a_json_object_is_refused()
    {
        using var response = await Client.PostAsync("v1/video/create", new StringContent("[1]", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("invalid_request", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_detail_echo_shortens_data_uris()
    {
        var image = ImageHeaders.DataUri(ImageHeaders.Png);
        var id = await CreateTaskAsync(new { model = "veo-3.1", prompt = "x", images = new[] { image } });

        var echoed = (await QueryAsync(id)).GetProperty("detail").GetProperty("images")[0].GetString();

        Assert.StartsWith("data:image/png;base64,...", echoed);
        Assert.DoesNotContain(image[22..], echoed);
    }
}
