using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Veo.Core.Media;

namespace Veo.Emulator.Tests.Interactions;

/// <summary>The Interactions API as @google/genai 3.6.1 calls it: create, get, cancel, delete, and Google's refusals.</summary>
public sealed class InteractionsDialectTests : EmulatorTest
{
    private HttpClient Google(string? key = "emulator-key")
    {
        var client = Host.CreateClient(followRedirects: true);
        if (key is not null) client.DefaultRequestHeaders.Add("x-goog-api-key", key);
        return client;
    }

    private static JsonObject Create(string duration = "8s", string resolution = "720p", string aspect = "16:9", string? task = null, JsonArray? input = null,
        string model = "gemini-omni-1.2-flash", string? delivery = null, string? previous = null)
    {
        var format = new JsonObject { ["type"] = "video", ["aspect_ratio"] = aspect, ["resolution"] = resolution, ["duration"] = duration };
        if (delivery is not null) format["delivery"] = delivery;
        var body = new JsonObject
        {
            ["model"] = model,
            ["background"] = true,
            ["input"] = input ?? new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "A paper boat on a rainy street" }),
            ["response_format"] = format,
        };
        if (task is not null) body["generation_config"] = new JsonObject { ["video_config"] = new JsonObject { ["task"] = task } };
        if (previous is not null) body["previous_interaction_id"] = previous;
        return body;
    }

    private static JsonObject ImageBlock() => new() { ["type"] = "image", ["data"] = Convert.ToBase64String(ImageHeaders.Png), ["mime_type"] = "image/png" };

    private async Task<HttpResponseMessage> PostAsync(JsonNode body, string path = "v1/interactions", HttpClient? client = null) =>
        await (client ?? Google()).PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private async Task<JsonElement> CreatedAsync(JsonNode body)
    {
        using var response = await PostAsync(body);
        Assert.Equal(200, (int)response.StatusCode);
        return await Json.ReadAsync(response);
    }

    private async Task<JsonElement> GetAsync(string id)
    {
        using var response = await Google().GetAsync($"v1/interactions/{id}");
        Assert.Equal(200, (int)response.StatusCode);
        return await Json.ReadAsync(response);
    }

    private async Task<JsonElement> ErrorOf(HttpResponseMessage response) => (await Json.ReadAsync(response)).GetProperty("error");

    [Fact]
    public async Task A_background_create_answers_a_queued_interaction_that_completes_with_the_video_inline()
    {
        var created = await CreatedAsync(Create(duration: "10s", resolution: "1080p", aspect: "9:16"));
        var id = created.GetProperty("id").GetString()!;

        Assert.Equal(["id", "model", "status", "created", "updated"], Json.Names(created));
        Assert.Equal("queued", created.GetProperty("status").GetString());
        Server.Clock.Advance(QueueTime);
        Assert.Equal("in_progress", (await GetAsync(id)).GetProperty("status").GetString());
        Server.Clock.Advance(RenderTime);
        var done = await GetAsync(id);

        Assert.Equal("completed", done.GetProperty("status").GetString());
        var video = done.GetProperty("steps")[0].GetProperty("content")[0];
        Assert.Equal(("model_output", "video", "video/mp4"),
            (done.GetProperty("steps")[0].GetProperty("type").GetString(), video.GetProperty("type").GetString(), video.GetProperty("mime_type").GetString()));
        var info = Mp4Reader.Read(new MemoryStream(Convert.FromBase64String(video.GetProperty("data").GetString()!)));
        Assert.Equal((1080, 1920, true), (info.Width, info.Height, info.HasAudio));
        Assert.Equal(10, info.Duration.TotalSeconds, 0.05);
        Assert.True(done.GetProperty("usage").GetProperty("total_output_tokens").GetInt64() > 0);
    }

    [Fact]
    public async Task A_video_delivered_by_uri_is_a_file_on_the_emulator_s_own_origin_that_needs_the_key()
    {
        var id = (await CreatedAsync(Create(resolution: "360p", duration: "3s", delivery: "uri"))).GetProperty("id").GetString()!;
        Server.Clock.Advance(RenderTime);
        var uri = (await GetAsync(id)).GetProperty("steps")[0].GetProperty("content")[0].GetProperty("uri").GetString()!;

        Assert.StartsWith(Host.BaseUri.ToString(), uri);
        using (var anonymous = await Google(key: null).GetAsync(uri)) Assert.Equal(403, (int)anonymous.StatusCode);
        var info = Mp4Reader.Read(new MemoryStream(await Google().GetByteArrayAsync(uri)));
        Assert.Equal((640, 360), (info.Width, info.Height));
        Assert.Equal(3, info.Duration.TotalSeconds, 0.05);
    }

    [Fact]
    public async Task An_extension_through_previous_interaction_id_lasts_the_source_and_the_seconds_added()
    {
        var first = (await CreatedAsync(Create(aspect: "9:16"))).GetProperty("id").GetString()!;
        Server.Clock.Advance(RenderTime);
        var extended = (await CreatedAsync(Create(duration: "6s", task: "extend", previous: first))).GetProperty("id").GetString()!;
        Server.Clock.Advance(RenderTime);
        var done = await GetAsync(extended);

        Assert.Equal(first, done.GetProperty("previous_interaction_id").GetString());
        var info = Mp4Reader.Read(new MemoryStream(Convert.FromBase64String(done.GetProperty("steps")[0].GetProperty("content")[0].GetProperty("data").GetString()!)));
        Assert.Equal((14, 720, 1280), ((int)Math.Round(info.Duration.TotalSeconds), info.Width, info.Height));
    }

    [Fact]
    public async Task An_edit_through_previous_interaction_id_keeps_the_source_length_and_shape_at_the_asked_resolution()
    {
        var first = (await CreatedAsync(Create(duration: "12s", aspect: "9:16"))).GetProperty("id").GetString()!;
        Server.Clock.Advance(RenderTime);
        var body = Create(resolution: "1080p", task: "edit", previous: first);
        ((JsonObject)body["response_format"]!).Remove("duration");
        var edited = (await CreatedAsync(body)).GetProperty("id").GetString()!;
        using var tooLongFor11 = await PostAsync(Create(model: "gemini-omni-1.1-flash", task: "edit", previous: first));
        using var unknown = await PostAsync(Create(task: "edit", previous: "v1_nothing"));
        Server.Clock.Advance(RenderTime);
        var done = await GetAsync(edited);

        Assert.Equal(first, done.GetProperty("previous_interaction_id").GetString());
        var info = Mp4Reader.Read(new MemoryStream(Convert.FromBase64String(done.GetProperty("steps")[0].GetProperty("content")[0].GetProperty("data").GetString()!)));
        Assert.Equal((12, 1080, 1920), ((int)Math.Round(info.Duration.TotalSeconds), info.Width, info.Height));
        Assert.Equal(400, (int)tooLongFor11.StatusCode);
        Assert.Contains("is a 12s video; gemini-omni-1.1-flash edits videos of 3s to 10s", (await ErrorOf(tooLongFor11)).GetProperty("message").GetString());
        Assert.Equal(404, (int)unknown.StatusCode);
    }

    [Theory]
    [InlineData("16s", null, null, "response_format.duration 16s is not supported by gemini-omni-1.2-flash; use 3s to 15s.")]
    [InlineData("8", null, null, "response_format.duration must be a string of whole seconds")]
    [InlineData("8s", "image_to_video", 0, "task image_to_video takes exactly one image; 0 were given.")]
    [InlineData("8s", "reference_to_video", 7, "input holds 7 images; gemini-omni-1.2-flash takes at most 6 reference images.")]
    [InlineData("8s", "text_to_video", 1, "task text_to_video takes no image or video input")]
    [InlineData("11s", "extend", 0, "an extension adds 3s to 10s")]
    public async Task A_request_outside_the_model_is_400_INVALID_ARGUMENT_naming_the_field(string duration, string? task, int? images, string expected)
    {
        var input = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "x" });
        for (var i = 0; i < (images ?? 0); i++) input.Add(ImageBlock());
        using var response = await PostAsync(Create(duration: duration, task: task, input: input, previous: task == "extend" ? "v1_unknown" : null));

        var error = await ErrorOf(response);
        Assert.Equal((400, "INVALID_ARGUMENT"), ((int)response.StatusCode, error.GetProperty("status").GetString()));
        Assert.Contains(expected, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_field_is_named_and_an_unknown_model_or_interaction_is_404()
    {
        var body = Create();
        body["negative_prompt"] = "text";
        using var unknownField = await PostAsync(body);
        using var unknownModel = await PostAsync(Create(model: "veo-3.1-fast-generate-preview"));
        using var unknownId = await Google().GetAsync("v1/interactions/v1_nothing");
        using var unknownPrevious = await PostAsync(Create(task: "extend", duration: "5s", previous: "v1_nothing"));

        Assert.Contains("Unknown name \"negative_prompt\"", (await ErrorOf(unknownField)).GetProperty("message").GetString());
        Assert.Equal((404, "NOT_FOUND"), ((int)unknownModel.StatusCode, (await ErrorOf(unknownModel)).GetProperty("status").GetString()));
        Assert.Equal((404, "NOT_FOUND"), ((int)unknownId.StatusCode, (await ErrorOf(unknownId)).GetProperty("status").GetString()));
        Assert.Equal(404, (int)unknownPrevious.StatusCode);
    }

    [Fact]
    public async Task Keys_are_checked_as_Google_checks_them()
    {
        using var none = await PostAsync(Create(), client: Google(key: null));
        using var wrong = await PostAsync(Create(), client: Google(key: "wrong"));

        Assert.Equal((403, "PERMISSION_DENIED"), ((int)none.StatusCode, (await ErrorOf(none)).GetProperty("status").GetString()));
        Assert.Equal(400, (int)wrong.StatusCode);
        Assert.Contains("API_KEY_INVALID", (await Json.ReadAsync(wrong)).ToString());
    }

    [Fact]
    public async Task A_running_interaction_is_cancelled_a_finished_one_is_refused_and_a_deleted_one_is_gone()
    {
        var running = (await CreatedAsync(Create())).GetProperty("id").GetString()!;
        using (var cancel = await PostAsync(new JsonObject(), $"v1/interactions/{running}/cancel"))
            Assert.Equal("cancelled", (await Json.ReadAsync(cancel)).GetProperty("status").GetString());
        Server.Clock.Advance(RenderTime);
        Assert.Equal("cancelled", (await GetAsync(running)).GetProperty("status").GetString());

        var done = (await CreatedAsync(Create())).GetProperty("id").GetString()!;
        Server.Clock.Advance(RenderTime);
        using var late = await PostAsync(new JsonObject(), $"v1/interactions/{done}/cancel");
        Assert.Equal((400, "FAILED_PRECONDITION"), ((int)late.StatusCode, (await ErrorOf(late)).GetProperty("status").GetString()));

        using (var delete = await Google().DeleteAsync($"v1/interactions/{done}")) Assert.Equal(200, (int)delete.StatusCode);
        using var gone = await Google().GetAsync($"v1/interactions/{done}");
        Assert.Equal(404, (int)gone.StatusCode);
    }

    [Fact]
    public async Task A_rate_limit_fault_is_RESOURCE_EXHAUSTED_with_RetryInfo_and_a_failed_task_says_why()
    {
        Server.Faults.Add(new Fault(FaultKind.RateLimit, "/v1/interactions") { RetryAfter = TimeSpan.FromSeconds(3) });
        Server.Faults.Add(new Fault(FaultKind.FailTask, "/v1/interactions") { ErrorMessage = "blocked" });

        using var limited = await PostAsync(Create());
        var error = await ErrorOf(limited);
        Assert.Equal((429, "RESOURCE_EXHAUSTED"), ((int)limited.StatusCode, error.GetProperty("status").GetString()));
        Assert.Equal("3s", error.GetProperty("details")[0].GetProperty("retryDelay").GetString());

        var failed = (await CreatedAsync(Create())).GetProperty("id").GetString()!;
        Server.Clock.Advance(RenderTime);
        var answer = await GetAsync(failed);
        Assert.Equal(("failed", "blocked"), (answer.GetProperty("status").GetString(), answer.GetProperty("steps")[0].GetProperty("error").GetProperty("message").GetString()));
    }
}

/// <summary>The Gemini API's predictLongRunning after Veo's shut-down on it, as the service answers now.</summary>
public sealed class RetiredGeminiVeoTests : EmulatorTest
{
    protected override EmulatorOptions Options => new() { ManualClock = true };

    [Theory]
    [InlineData("veo-3.1-fast-generate-preview")]
    [InlineData("veo-3.1-generate-preview")]
    [InlineData("veo-3.1-lite-generate-preview")]
    public async Task A_Veo_id_is_404_NOT_FOUND_no_longer_available(string model)
    {
        var client = Host.CreateClient(followRedirects: true);
        client.DefaultRequestHeaders.Add("x-goog-api-key", "emulator-key");

        using var response = await client.PostAsync($"v1beta/models/{model}:predictLongRunning",
            new StringContent("""{"instances":[{"prompt":"a cat"}]}""", Encoding.UTF8, "application/json"));

        var error = (await Json.ReadAsync(response)).GetProperty("error");
        Assert.Equal((404, "NOT_FOUND"), ((int)response.StatusCode, error.GetProperty("status").GetString()));
        Assert.Equal($"models/{model} is no longer available.", error.GetProperty("message").GetString());
        Assert.Empty(Server.CreatedTasks);
    }
}
