using System.Text.Json;
using Veo.Core.Pricing;
using Veo.Core.Providers;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Requests;

/// <summary>An extension is checked against the route's limits before anything is paid; each case is one a user could type.</summary>
public class ExtensionRulesTests
{
    private static readonly VideoRoute Google = BuiltInRoutes.GeminiVeo;

    /// <summary>A finished 8-second 720p landscape video of the Google route, finished a minute ago.</summary>
    private static readonly ExtensionSource Source = new()
    {
        TaskId = "models/veo-3.1-fast-generate-preview/operations/abc",
        Route = BuiltInRoutes.GoogleName,
        Model = "veo-3.1-fast-generate-preview",
        VideoUri = "https://generativelanguage.googleapis.com/v1beta/files/abc:download?alt=media",
        Seconds = 8,
        AspectRatio = "16:9",
        Resolution = "720p",
        CompletedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
    };

    private static readonly VideoRequest Extension = new() { Prompt = "And then the sun comes out", DurationSeconds = 7, Extend = Source };

    private static string Refusal(VideoRequest request, VideoRoute? route = null) =>
        Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(request, route ?? Google)).Message;

    [Fact]
    public void A_finished_720p_video_of_the_route_is_extended_by_seven_seconds()
    {
        var prepared = RequestValidator.Prepare(Extension, Google);

        Assert.Equal(GenerationMode.Extension, prepared.Request.Mode);
        Assert.Equal(15, prepared.Request.OutputSeconds);
        Assert.Empty(prepared.Warnings);
    }

    public static TheoryData<string, VideoRequest, string> Refused => new()
    {
        { "a route that cannot extend", Extension with { Extend = Source with { Route = "LaoZhang" } }, "Route LaoZhang cannot extend a video" },
        { "another route's video", Extension with { Extend = Source with { Route = "Crazyrouter" } }, "extend it there (-Route Crazyrouter)" },
        { "a duration", Extension with { DurationSeconds = 8 }, "always adds 7 seconds" },
        { "1080p", Extension with { Resolution = "1080p" }, "made at 720p only" },
        { "a 1080p source", Extension with { Extend = Source with { Resolution = "1080p" } }, "is 1080p; Google extends 720p videos only" },
        { "another aspect ratio", Extension with { AspectRatio = "9:16" }, "is 16:9 and an extension keeps its shape" },
        { "a source past 141 s", Extension with { Extend = Source with { Seconds = 148 } }, "at most 141 seconds (148 in all)" },
        { "a 21st extension", Extension with { Extend = Source with { Seconds = 120, Extensions = 20 } }, "at most 20 times" },
        { "a source older than 2 days", Extension with { Extend = Source with { CompletedAt = DateTimeOffset.UtcNow.AddDays(-2).AddMinutes(-1) } }, "more than 2 days ago" },
        { "an image with it", Extension with { Image = TestImages.Landscape720Png }, "cannot be combined with -Image" },
        { "the Lite model", Extension with { Model = "Lite" }, "cannot extend a video on Google; use -Model veo-3.1-fast-generate-preview or veo-3.1-generate-preview" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_extension_the_service_would_refuse_is_refused_first(string _, VideoRequest request, string expected)
    {
        var route = request.Extend!.Route == "LaoZhang" ? BuiltInRoutes.LaoZhang : Google;
        Assert.Contains(expected, Refusal(request, route));
    }

    [Fact]
    public void A_source_whose_length_is_unknown_is_a_warning_not_a_refusal()
    {
        var prepared = RequestValidator.Prepare(Extension with { Extend = Source with { Seconds = null } }, Google);
        Assert.Contains("length of the video to extend", Assert.Single(prepared.Warnings));
        Assert.Null(prepared.Request.OutputSeconds);
    }

    [Fact]
    public void The_price_is_the_seven_seconds_added_at_720p()
    {
        // A gateway that still forwards the Gemini API's Veo, with its own price (the book has none since the shut-down).
        var book = new PriceBook(new[] { new PriceRow("Google", "veo-3.1-fast", Billing.PerSecond, 0.15m, "720p", "USD", "test", new DateTime(2026, 1, 1)) });
        var plan = new VeoEngine(new TaskJournal(Path.GetTempFileName())).Plan(Extension, Google, book);

        Assert.Equal(1.05m, plan.Cost);
        Assert.Contains("Extension of models/veo-3.1-fast-generate-preview/operations/abc (15 s in all) 7 s 720p", plan.Summary);
    }

    [Fact]
    public void The_Gemini_request_names_the_source_by_its_uri_and_leaves_the_length_to_the_service()
    {
        var prepared = RequestValidator.Prepare(Extension, Google);
        using var body = JsonDocument.Parse(GeminiProvider.Body(prepared).ReadAsStringAsync().Result);

        var instance = body.RootElement.GetProperty("instances")[0];
        Assert.Equal(Source.VideoUri, instance.GetProperty("video").GetProperty("uri").GetString());
        Assert.Equal(["prompt", "video"], instance.EnumerateObject().Select(p => p.Name));
        var parameters = body.RootElement.GetProperty("parameters");
        Assert.False(parameters.TryGetProperty("durationSeconds", out _));
        Assert.Equal("720p", parameters.GetProperty("resolution").GetString());
    }

    [Fact]
    public void A_task_that_has_not_finished_is_no_source()
    {
        var running = new VideoTask { Id = "op1", Route = "Google", Status = VideoTaskStatus.InProgress };
        Assert.Contains("wait for it first", Assert.Throws<RequestValidationException>(() => ExtensionSource.Of(running)).Message);
    }

    [Fact]
    public void A_source_made_by_extending_counts_its_length_and_extensions()
    {
        var extended = new VideoTask
        {
            Id = "op2", Route = "Google", Status = VideoTaskStatus.Completed, VideoUrl = "https://x/v1beta/files/b:download?alt=media", Request = Extension,
        };

        var source = ExtensionSource.Of(extended);
        Assert.Equal((15, 1), (source.Seconds, source.Extensions));
    }

    /// <summary>A finished 8-second 720p video of the Vertex route, answered inline (no URI).</summary>
    private static readonly ExtensionSource VertexSource = Source with
    {
        TaskId = "projects/p/locations/us-central1/publishers/google/models/veo-3.1-fast-generate-001/operations/op1",
        Route = BuiltInRoutes.VertexName, Model = "veo-3.1-fast-generate-001", VideoUri = "",
    };

    private static readonly VideoRoute Vertex = BuiltInRoutes.Vertex with { Project = "p" };

    [Fact]
    public void Vertex_extends_1080p_sources_of_up_to_thirty_seconds_whatever_their_age()
    {
        var old = Extension with { Resolution = "1080p", Extend = VertexSource with { Seconds = 29, Resolution = "1080p", CompletedAt = DateTimeOffset.UtcNow.AddDays(-30) } };

        var prepared = RequestValidator.Prepare(old, Vertex);

        Assert.Equal(36, prepared.Request.OutputSeconds);
    }

    private static readonly VideoRequest VertexExtension = Extension with { Model = "veo-3.1-fast-generate-001", Extend = VertexSource };

    public static TheoryData<string, VideoRequest, string> RefusedOnVertex => new()
    {
        { "a source past 30 s", VertexExtension with { Extend = VertexSource with { Seconds = 36 } }, "Vertex extends videos of at most 30 seconds (37 in all)" },
        { "4k", VertexExtension with { Resolution = "4k" }, "made at 720p or 1080p only on Vertex" },
        { "a 4k source", VertexExtension with { Extend = VertexSource with { Resolution = "4k" } }, "is 4k; Vertex extends 720p or 1080p videos only" },
        { "a duration", VertexExtension with { DurationSeconds = 8 }, "always adds 7 seconds on Vertex" },
        { "a Google video", VertexExtension with { Extend = Source }, "extend it there (-Route Google)" },
        { "1080p with Veo 3.1 (not Fast)", VertexExtension with { Model = "Standard", Resolution = "1080p" }, "made at 720p only on Vertex" },
    };

    [Theory]
    [MemberData(nameof(RefusedOnVertex))]
    public void An_extension_Vertex_would_refuse_is_refused_first(string _, VideoRequest request, string expected) =>
        Assert.Contains(expected, Assert.Single(Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(request, Vertex)).Problems));

    [Fact]
    public void The_Vertex_request_carries_the_source_as_a_gs_object_or_its_bytes_and_leaves_the_length_to_the_service()
    {
        var request = Extension with { Model = "veo-3.1-fast-generate-001", Extend = VertexSource with { VideoUri = "gs://b/veo/op1/sample_0.mp4" } };
        var prepared = RequestValidator.Prepare(request, Vertex);
        using var byUri = JsonDocument.Parse(VertexProvider.Body(prepared).ReadAsStringAsync().Result);
        using var inline = JsonDocument.Parse(VertexProvider.Body(prepared with { Request = request with { Extend = VertexSource }, SourceVideo = [1, 2, 3] }).ReadAsStringAsync().Result);

        Assert.Equal("""{"gcsUri":"gs://b/veo/op1/sample_0.mp4","mimeType":"video/mp4"}""", byUri.RootElement.GetProperty("instances")[0].GetProperty("video").GetRawText());
        Assert.Equal("""{"bytesBase64Encoded":"AQID","mimeType":"video/mp4"}""", inline.RootElement.GetProperty("instances")[0].GetProperty("video").GetRawText());
        Assert.False(byUri.RootElement.GetProperty("parameters").TryGetProperty("durationSeconds", out _));
    }

    [Fact]
    public void A_Vertex_task_answered_inline_is_a_source_without_a_uri()
    {
        var done = new VideoTask { Id = "op1", Route = "Vertex", Status = VideoTaskStatus.Completed, VideoCount = 1 };
        Assert.Equal("", ExtensionSource.Of(done).VideoUri);
    }

    [Theory]
    [InlineData("4k")]
    public void Lite_makes_no_4k(string resolution) =>
        Assert.Contains("Resolution '4k' is not supported on Google", Refusal(new VideoRequest { Prompt = "p", Model = "Lite", Resolution = resolution }));

    [Fact]
    public void Google_offers_only_the_Gemini_API_s_own_ids() =>
        Assert.Equal(["veo-3.1-fast-generate-preview", "veo-3.1-generate-preview", "veo-3.1-lite-generate-preview"], Google.Models.Select(m => m.Id));
}
