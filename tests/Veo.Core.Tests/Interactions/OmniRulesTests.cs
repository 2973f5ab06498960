using System.Text.Json;
using Veo.Core.Providers;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Interactions;

/// <summary>What the Google route (Gemini Omni) takes and refuses, before any call, and how its answers read.</summary>
public class OmniRulesTests
{
    private static readonly VideoRequest Omni = new() { Prompt = "A red fox in the snow at sunrise" };

    private static string Refusal(VideoRequest request) =>
        Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(request, BuiltInRoutes.Google)).Message;

    private static readonly ExtensionSource Source = new()
    {
        TaskId = "v1_source", Route = "Google", Model = "gemini-omni-1.2-flash", Seconds = 8, AspectRatio = "16:9", Resolution = "720p",
        CompletedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public void Without_a_model_the_Google_route_makes_Gemini_Omni_1_2_and_the_others_keep_Fast()
    {
        Assert.Equal("gemini-omni-1.2-flash", RequestValidator.Prepare(Omni, BuiltInRoutes.Google).Model.Id);
        Assert.Equal("veo-3.1-fast-generate-preview", RequestValidator.Prepare(Omni, BuiltInRoutes.LaoZhang).Model.Id);
        Assert.Equal("gemini-omni-1.2-flash", RequestValidator.Prepare(Omni with { Model = "Omni" }, BuiltInRoutes.Google).Model.Id);
    }

    [Theory]
    [InlineData("veo-3.1-fast-generate-preview")]
    [InlineData("Fast")]
    [InlineData("Standard")]
    [InlineData("Lite")]
    public void A_Veo_model_on_the_Google_route_is_refused_with_its_shut_down_date_source_and_what_to_use(string model)
    {
        var message = Assert.Throws<Veo.Core.Models.ModelUnavailableException>(() => RequestValidator.Prepare(Omni with { Model = model }, BuiltInRoutes.Google)).Message;

        Assert.Contains("was shut down on 2026-10-22", message);
        Assert.Contains("ai.google.dev/gemini-api/docs/deprecations", message);
        Assert.Contains("Use -Model gemini-omni-1.1-flash instead", message);
        Assert.Contains("-Route Vertex", message);
        Assert.Contains("-Model Omni", message);
        Assert.Contains("Nothing was sent", message);
        Assert.DoesNotContain("veo", string.Join(",", BuiltInRoutes.Google.ModelNames), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Extending_a_Veo_video_made_on_the_Google_route_is_refused_the_same_way()
    {
        var veoSource = Source with { TaskId = "models/veo-3.1-fast-generate-preview/operations/abc", Model = "veo-3.1-fast-generate-preview" };

        var error = Assert.Throws<Veo.Core.Models.ModelUnavailableException>(() =>
            RequestValidator.Prepare(Omni with { Model = veoSource.Model, Extend = veoSource, DurationSeconds = 7 }, BuiltInRoutes.Google));
        Assert.Contains("was shut down on 2026-10-22", error.Message);
    }

    [Theory]
    [InlineData("a 16 s video on 1.2", 16, "720p", null, "use -Duration 3 to 15")]
    [InlineData("an 11 s video on 1.1", 11, "720p", "gemini-omni-1.1-flash", "use -Duration 3 to 10")]
    [InlineData("2 s", 2, "720p", null, "A 2-second video is not possible")]
    [InlineData("8k", 8, "8k", null, "use -Resolution 360p, 720p, 1080p or 4k")]
    public void Lengths_and_sizes_outside_the_model_are_refused(string _, int seconds, string resolution, string? model, string expected)
    {
        Assert.Contains(expected, Refusal(Omni with { DurationSeconds = seconds, Resolution = resolution, Model = model ?? "" }));
    }

    [Fact]
    public void Fifteen_seconds_at_4k_and_3_seconds_at_360p_are_made_with_no_8_second_rule()
    {
        Assert.Equal(15, RequestValidator.Prepare(Omni with { DurationSeconds = 15, Resolution = "4k" }, BuiltInRoutes.Google).Request.DurationSeconds);
        Assert.Equal(new PixelSize(640, 360), RequestValidator.Prepare(Omni with { DurationSeconds = 3, Resolution = "360p" }, BuiltInRoutes.Google).Size);
    }

    [Fact]
    public void What_Omni_does_not_take_is_refused_naming_the_parameter_and_what_works_instead()
    {
        Assert.Contains("takes no negative prompt; remove -NegativePrompt and say what to avoid in the prompt itself", Refusal(Omni with { NegativePrompt = "text" }));
        Assert.Contains("does not take a seed; remove -Seed (-Route Vertex and -Route LaoZhang take one)", Refusal(Omni with { Seed = 7 }));
        Assert.Contains("has no first/last-frame mode for gemini-omni-1.2-flash; remove -LastFrame, or use -Route Vertex", Refusal(Omni with { Image = TestImages.Landscape720Png, LastFrame = TestImages.Landscape720Png }));
        Assert.Contains("always generates audio", Refusal(Omni with { GenerateAudio = false }));
        Assert.Contains("takes no person-generation setting; remove -PersonGeneration", Refusal(Omni with { PersonGeneration = "allow_all" }));
        Assert.Contains("makes one video per request", Refusal(Omni with { VideoCount = 2 }));
    }

    [Theory]
    [InlineData(null, 7, "At most 6 reference images")]
    [InlineData("gemini-omni-1.1-flash", 6, "At most 5 reference images")]
    public void Reference_images_are_limited_per_model(string? model, int count, string expected)
    {
        Assert.Contains(expected, Refusal(Omni with { Model = model ?? "", ReferenceImages = Enumerable.Repeat(TestImages.Landscape720Jpeg, count).ToArray() }));
    }

    [Theory]
    [InlineData(8, 11, "An extension adds 3, 4, 5, 6, 7, 8, 9 or 10 seconds on Google")]
    [InlineData(8, 2, "An extension adds 3, 4, 5, 6, 7, 8, 9 or 10 seconds on Google")]
    [InlineData(25, 6, "makes extended videos of at most 30 seconds; pass -Duration 5 or less")]
    [InlineData(28, 3, "it cannot be extended further")]
    public void An_extension_is_3_to_10_seconds_and_at_most_30_in_all(int source, int added, string expected)
    {
        Assert.Contains(expected, Refusal(Omni with { Extend = Source with { Seconds = source }, DurationSeconds = added }));
    }

    [Fact]
    public void An_extension_of_an_omni_video_by_ten_seconds_is_priced_as_the_seconds_added()
    {
        var plan = new VeoEngine(new TaskJournal(Path.GetTempFileName())).Plan(Omni with { Extend = Source, DurationSeconds = 10 }, BuiltInRoutes.Google, Veo.Core.Pricing.PriceBook.Default);

        Assert.Equal(1.014m, plan.Cost);
    }

    [Fact]
    public void An_edit_is_sent_as_the_edit_task_of_its_source_interaction_with_no_duration_of_its_own()
    {
        var prepared = RequestValidator.Prepare(Omni with { Prompt = "make it night", Edit = Source }, BuiltInRoutes.Google);
        using var body = JsonDocument.Parse(InteractionsWire.Body(prepared).ReadAsStringAsync().Result);
        var root = body.RootElement;

        Assert.Equal(GenerationMode.Edit, prepared.Request.Mode);
        Assert.Equal("v1_source", root.GetProperty("previous_interaction_id").GetString());
        Assert.Equal("edit", root.GetProperty("generation_config").GetProperty("video_config").GetProperty("task").GetString());
        Assert.False(root.GetProperty("response_format").TryGetProperty("duration", out _));
        Assert.Equal("720p", root.GetProperty("response_format").GetProperty("resolution").GetString());
        Assert.Equal(8, prepared.Request.OutputSeconds);
    }

    [Theory]
    [InlineData("a 20-second source", 20, null, "is 20 seconds long; gemini-omni-1.2-flash edits videos of 3 to 15 seconds")]
    [InlineData("a 2-second source", 2, null, "is 2 seconds long; gemini-omni-1.2-flash edits videos of 3 to 15 seconds")]
    [InlineData("12 s on Omni 1.1", 12, "gemini-omni-1.1-flash", "gemini-omni-1.1-flash edits videos of 3 to 10 seconds")]
    public void An_edit_of_a_source_outside_the_model_lengths_is_refused(string _, int seconds, string? model, string expected)
    {
        Assert.Contains(expected, Refusal(Omni with { Model = model ?? "", Edit = Source with { Seconds = seconds }, DurationSeconds = seconds }));
    }

    [Fact]
    public void What_an_edit_cannot_take_is_refused_naming_the_parameter_and_what_works_instead()
    {
        Assert.Contains("cannot be combined with -Extend, -Image or -LastFrame", Refusal(Omni with { Edit = Source, Image = TestImages.Landscape720Png }));
        Assert.Contains("cannot be combined with -Extend, -Image or -LastFrame", Refusal(Omni with { Edit = Source, Extend = Source, DurationSeconds = 8 }));
        Assert.Contains("An edit keeps the length of the video it changes (v1_source, 8 s); remove -Duration 5", Refusal(Omni with { Edit = Source, DurationSeconds = 5 }));
        Assert.Contains("an edit keeps its shape; remove -AspectRatio 9:16", Refusal(Omni with { Edit = Source, AspectRatio = "9:16" }));
        Assert.Contains("was made on route Vertex", Refusal(Omni with { Edit = Source with { Route = "Vertex" } }));
        Assert.Contains("Gemini Omni edits only videos Omni made on Google; make it with -Model Omni first",
            Refusal(Omni with { Edit = Source with { Model = "some-other-model" } }));
    }

    [Fact]
    public void An_edit_on_a_route_without_the_edit_mode_is_refused_before_any_call_saying_where_it_works()
    {
        var message = Assert.Throws<RequestValidationException>(() =>
            RequestValidator.Prepare(Omni with { Edit = Source with { Route = "LaoZhang" } }, BuiltInRoutes.LaoZhang)).Message;

        Assert.Contains("Route LaoZhang cannot edit a video", message);
        Assert.Contains("-Edit works on -Route Google with -Model Omni", message);
    }

    [Fact]
    public void An_edit_is_priced_as_the_source_seconds_at_the_asked_resolution_like_a_new_video_of_that_length()
    {
        var engine = new VeoEngine(new TaskJournal(Path.GetTempFileName()));
        var edit = engine.Plan(Omni with { Edit = Source with { Seconds = 10 }, DurationSeconds = 10, Resolution = "1080p" }, BuiltInRoutes.Google, Veo.Core.Pricing.PriceBook.Default);
        var fresh = engine.Plan(Omni with { DurationSeconds = 10, Resolution = "1080p" }, BuiltInRoutes.Google, Veo.Core.Pricing.PriceBook.Default);

        Assert.NotNull(edit.Cost);
        Assert.Equal(fresh.Cost, edit.Cost);
        Assert.StartsWith("Edit of v1_source 10 s 1080p", edit.Summary);
    }

    [Theory]
    [InlineData("queued", VideoTaskStatus.Queued, null)]
    [InlineData("idle", VideoTaskStatus.Queued, null)]
    [InlineData("in_progress", VideoTaskStatus.InProgress, null)]
    [InlineData("a_word_from_2027", VideoTaskStatus.InProgress, null)]
    [InlineData("failed", VideoTaskStatus.Failed, "failed")]
    [InlineData("cancelled", VideoTaskStatus.Failed, "cancelled")]
    [InlineData("incomplete", VideoTaskStatus.Failed, "incomplete")]
    [InlineData("budget_exceeded", VideoTaskStatus.Failed, "budget_exceeded")]
    [InlineData("requires_action", VideoTaskStatus.Failed, "requires_action")]
    [InlineData("requires_continuation", VideoTaskStatus.Failed, "requires_continuation")]
    [InlineData("completed", VideoTaskStatus.Failed, "no_video")]
    public void Every_interaction_status_is_mapped_and_an_unknown_one_stays_pending(string status, VideoTaskStatus expected, string? code)
    {
        using var json = JsonDocument.Parse($$"""{"id":"v1_x","status":"{{status}}","errors":[{"message":"why"}]}""");

        var task = InteractionsWire.Read(json.RootElement, "v1_x", new VideoTask());

        Assert.Equal((expected, code), (task.Status, task.ErrorCode));
    }

    [Fact]
    public void A_completed_interaction_reads_its_video_from_the_last_model_output_and_its_error_from_a_failed_step()
    {
        using var done = JsonDocument.Parse("""
            {"id":"v1_x","status":"completed","updated":"2026-12-06T10:00:00Z","steps":[
              {"type":"user_input","content":[{"type":"image","data":"","mime_type":"image/png"}]},
              {"type":"model_output","content":[{"type":"text","text":"here"},{"type":"video","data":"","mime_type":"video/mp4"}]}]}
            """);
        using var failed = JsonDocument.Parse("""{"id":"v1_y","status":"failed","steps":[{"type":"model_output","error":{"code":13,"message":"render failed"}}]}""");

        var task = InteractionsWire.Read(done.RootElement, "v1_x", new VideoTask());

        Assert.Equal((VideoTaskStatus.Completed, 1, (string?)null), (task.Status, task.VideoCount, task.VideoUrl));
        Assert.Equal(1, InteractionsWire.InlineOccurrence(done.RootElement));
        Assert.Equal("render failed", InteractionsWire.Read(failed.RootElement, "v1_y", new VideoTask()).Error);
    }
}
