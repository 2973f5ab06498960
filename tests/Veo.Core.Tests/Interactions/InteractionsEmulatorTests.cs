using System.Text.Json;
using Veo.Core.Http;
using Veo.Core.Providers;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Interactions;

/// <summary>The Google route (Gemini Omni, Interactions API) through the engine and the emulator: each mode made, saved and checked.</summary>
public class InteractionsEmulatorTests : EmulatorAndHomeTest
{
    private static readonly VideoRequest Omni = new() { Prompt = "A paper boat drifts down a rainy gutter" };

    private EngineFlow Flow => new(Home, Emulator, BuiltInRoutes.Google);

    private JsonElement CreateBody() =>
        JsonDocument.Parse(Emulator.Requests.Last(r => r.Method == "POST" && r.Path == "/v1/interactions").JsonBody!).RootElement;

    [Fact]
    public async Task A_text_video_of_ten_seconds_at_1080p_portrait_is_made_with_background_and_saved_from_its_inline_answer()
    {
        var saved = await Flow.MakeAsync(Omni with { DurationSeconds = 10, Resolution = "1080p", AspectRatio = "9:16" });

        Assert.Equal((1080, 1920, true), (saved.File.Width, saved.File.Height, saved.File.HasAudio));
        Assert.Equal(10, saved.File.Duration, 1);
        var body = CreateBody();
        Assert.Equal("gemini-omni-1.2-flash", body.GetProperty("model").GetString());
        Assert.True(body.GetProperty("background").GetBoolean());
        Assert.Equal("10s", body.GetProperty("response_format").GetProperty("duration").GetString());
        Assert.Equal("1080p", body.GetProperty("response_format").GetProperty("resolution").GetString());
        Assert.Equal("text_to_video", body.GetProperty("generation_config").GetProperty("video_config").GetProperty("task").GetString());
        Assert.All(Emulator.Requests.Where(r => r.Path.StartsWith("/v1/interactions")), r => Assert.Equal(TestHome.Key, r.Headers["x-goog-api-key"]));
    }

    [Theory]
    [InlineData(FaultKind.TruncateBody)]
    [InlineData(FaultKind.CorruptBody)]
    public async Task An_inline_answer_cut_short_or_mangled_in_transit_is_fetched_again_and_saved(FaultKind fault)
    {
        var task = await Flow.WaitAsync(await Flow.CreateAsync(Omni));
        Emulator.Faults.Add(new Fault(fault, PathContains: "/v1/interactions/" + task.Id));
        var before = Emulator.Requests.Count;

        var saved = await Flow.Engine.SaveAsync(task, Flow.Provider, Home.PathOf("out.mp4"), overwrite: false, NullEngineLog.Instance, CancellationToken.None);

        Assert.Equal((1280, 720), (saved.File.Width, saved.File.Height));
        Assert.Equal(2, Emulator.Requests.Skip(before).Count(r => r.Method == "GET" && r.Path.EndsWith(task.Id)));
    }

    [Fact]
    public async Task A_360p_draft_comes_back_640_by_360()
    {
        var saved = await Flow.MakeAsync(Omni with { DurationSeconds = 3, Resolution = "360p" });

        Assert.Equal((640, 360), (saved.File.Width, saved.File.Height));
        Assert.Equal(3, saved.File.Duration, 1);
    }

    [Fact]
    public async Task A_video_answered_by_uri_is_fetched_on_the_route_origin_with_the_key()
    {
        Emulator.Emulator.Options.InteractionsDelivery = "uri";
        var saved = await Flow.MakeAsync(Omni);

        Assert.Equal((1280, 720), (saved.File.Width, saved.File.Height));
        var file = Assert.Single(Emulator.Requests, r => r.Path.Contains("/files/") && r.Path.EndsWith(":download"));
        Assert.Equal(TestHome.Key, file.Headers["x-goog-api-key"]);
        var cdn = Assert.Single(Emulator.Requests, r => r.Path.StartsWith("/cdn/"));
        Assert.Equal(200, cdn.StatusCode);
    }

    [Fact]
    public async Task An_image_is_sent_as_an_image_block_with_the_image_to_video_task()
    {
        await Flow.MakeAsync(Omni with { Image = TestImages.Landscape720Png });

        var body = CreateBody();
        Assert.Equal("image_to_video", body.GetProperty("generation_config").GetProperty("video_config").GetProperty("task").GetString());
        var image = body.GetProperty("input").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "image");
        Assert.Equal("image/png", image.GetProperty("mime_type").GetString());
        Assert.Equal(File.ReadAllBytes(TestImages.Landscape720Png), Convert.FromBase64String(image.GetProperty("data").GetString()!));
    }

    [Fact]
    public async Task Six_reference_images_go_as_six_image_blocks_with_the_reference_task()
    {
        var images = Enumerable.Repeat(TestImages.Landscape720Jpeg, 6).ToArray();
        await Flow.MakeAsync(Omni with { ReferenceImages = images });

        var body = CreateBody();
        Assert.Equal("reference_to_video", body.GetProperty("generation_config").GetProperty("video_config").GetProperty("task").GetString());
        Assert.Equal(6, body.GetProperty("input").EnumerateArray().Count(b => b.GetProperty("type").GetString() == "image"));
    }

    [Fact]
    public async Task An_omni_video_is_extended_through_its_interaction_into_one_as_long_as_both()
    {
        var flow = Flow;
        var first = await flow.WaitAsync(await flow.CreateAsync(Omni with { AspectRatio = "9:16" }));
        var source = await flow.Engine.ExtensionSourceAsync(first, flow.Provider, CancellationToken.None);
        var extended = await flow.WaitAsync(await flow.CreateAsync(Omni with { Extend = source, DurationSeconds = 5, AspectRatio = "9:16" }));
        var saved = await flow.Engine.SaveAsync(extended, flow.Provider, Home.PathOf("extended.mp4"), false, NullEngineLog.Instance, CancellationToken.None);

        Assert.Equal(13, saved.File.Duration, 1);
        Assert.Equal((720, 1280), (saved.File.Width, saved.File.Height));
        var body = CreateBody();
        Assert.Equal(first.Id, body.GetProperty("previous_interaction_id").GetString());
        Assert.Equal("extend", body.GetProperty("generation_config").GetProperty("video_config").GetProperty("task").GetString());
        Assert.Equal("5s", body.GetProperty("response_format").GetProperty("duration").GetString());
    }

    [Fact]
    public async Task An_omni_video_is_edited_through_its_interaction_into_one_of_the_same_length_and_shape_at_the_asked_resolution()
    {
        var flow = Flow;
        var first = await flow.WaitAsync(await flow.CreateAsync(Omni with { DurationSeconds = 6, AspectRatio = "9:16" }));
        var source = await flow.Engine.ExtensionSourceAsync(first, flow.Provider, CancellationToken.None);
        var edited = await flow.WaitAsync(await flow.CreateAsync(Omni with { Prompt = "make it night", Edit = source, DurationSeconds = 6, AspectRatio = "9:16", Resolution = "1080p" }));
        var saved = await flow.Engine.SaveAsync(edited, flow.Provider, Home.PathOf("edited.mp4"), false, NullEngineLog.Instance, CancellationToken.None);

        Assert.Equal(6, saved.File.Duration, 1);
        Assert.Equal((1080, 1920), (saved.File.Width, saved.File.Height));
        var body = CreateBody();
        Assert.Equal(first.Id, body.GetProperty("previous_interaction_id").GetString());
        Assert.Equal("edit", body.GetProperty("generation_config").GetProperty("video_config").GetProperty("task").GetString());
        Assert.False(body.GetProperty("response_format").TryGetProperty("duration", out _));
        Assert.Equal("make it night", body.GetProperty("input")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_cancelled_interaction_is_seen_failed_as_cancelled_and_a_finished_one_cannot_be_cancelled()
    {
        Emulator.Emulator.Options.RenderTime = TimeSpan.FromSeconds(30);
        var flow = Flow;
        var running = await flow.CreateAsync(Omni);
        var cancellable = Assert.IsAssignableFrom<ICancellableVideoProvider>(flow.Provider);

        var cancelled = await cancellable.CancelAsync(running.Id, CancellationToken.None);
        var polled = await flow.Engine.RefreshAsync(running, flow.Provider, CancellationToken.None);

        Assert.Equal((VideoTaskStatus.Failed, "cancelled"), (cancelled.Status, cancelled.ErrorCode));
        Assert.Equal((VideoTaskStatus.Failed, "cancelled"), (polled.Status, polled.ErrorCode));

        Emulator.Emulator.Options.RenderTime = TimeSpan.FromMilliseconds(300);
        var done = await flow.WaitAsync(await flow.CreateAsync(Omni));
        var refused = await Assert.ThrowsAsync<ApiException>(() => cancellable.CancelAsync(done.Id, CancellationToken.None));
        Assert.Equal((400, "FAILED_PRECONDITION"), ((int)refused.StatusCode, refused.ErrorCode));
        Assert.Contains("completed", refused.Message);
    }

    [Fact]
    public async Task A_429_with_retry_info_on_a_create_is_waited_out_and_one_task_is_made()
    {
        Emulator.Faults.Add(new Fault(FaultKind.RateLimit, "/v1/interactions") { RetryAfter = TimeSpan.FromSeconds(1) });
        var flow = Flow;

        var task = await flow.CreateAsync(Omni);

        Assert.StartsWith("v1_", task.Id);
        Assert.Equal(2, Emulator.Requests.Count(r => r.Method == "POST" && r.Path == "/v1/interactions"));
        Assert.Single(Emulator.Emulator.CreatedTasks);
    }

    [Fact]
    public async Task A_failed_interaction_says_why()
    {
        Emulator.Faults.Add(new Fault(FaultKind.FailTask, "/v1/interactions") { ErrorMessage = "The prompt was blocked." });
        var flow = Flow;

        var task = await flow.WaitAsync(await flow.CreateAsync(Omni));

        Assert.Equal((VideoTaskStatus.Failed, "The prompt was blocked."), (task.Status, task.Error));
    }

    [Fact]
    public async Task A_Veo_operation_the_route_made_before_is_refused_saying_Veo_left_the_Gemini_API_and_nothing_is_sent()
    {
        var flow = Flow;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => flow.Provider.GetAsync("models/veo-3.1-fast-generate-preview/operations/abc", CancellationToken.None));

        Assert.Contains("shut down there on 2026-10-22", error.Message);
        Assert.Contains("-Route Vertex", error.Message);
        Assert.Empty(Emulator.Requests);
    }
}

