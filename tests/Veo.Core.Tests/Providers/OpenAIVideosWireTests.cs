using System.Security.Cryptography;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.Core.Tasks;

namespace Veo.Core.Tests.Providers;

/// <summary>Each generation mode, as the exact multipart request LaoZhang receives and the MP4 that comes back.</summary>
public class OpenAIVideosWireTests : EmulatorAndHomeTest
{
    private EngineFlow _flow = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
    }

    private RecordedRequest CreateRequest() => Assert.Single(Emulator.Requests, r => r.Method == "POST" && r.Path == "/v1/videos");

    private static Dictionary<string, string> Fields(RecordedRequest request) =>
        request.Fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => string.Join("|", g.Select(f => f.Value)));

    [Fact]
    public async Task Text_to_video_sends_the_documented_fields_as_strings()
    {
        var saved = await _flow.MakeAsync(BadRequests.Valid with { NegativePrompt = "blurry, watermark", Seed = 20260520, DurationSeconds = 6 });

        var fields = Fields(CreateRequest());
        Assert.Equal("veo-3.1-fast-generate-preview", fields["model"]);
        Assert.Equal(BadRequests.Valid.Prompt, fields["prompt"]);
        Assert.Equal("6", fields["seconds"]);
        Assert.Equal("6", fields["duration"]);
        Assert.Equal("1280x720", fields["size"]);
        Assert.Equal("720p", fields["resolution"]);
        Assert.Equal("16:9", fields["aspectRatio"]);
        // Stock new-api builds Veo's parameters from metadata alone (relay/channel/task/gemini/adaptor.go): they go there too.
        Assert.Equal("{\"durationSeconds\":6,\"resolution\":\"720p\",\"aspectRatio\":\"16:9\",\"negativePrompt\":\"blurry, watermark\",\"seed\":20260520}", fields["metadata"]);
        Assert.Equal("blurry, watermark", fields["negativePrompt"]);
        Assert.Equal("20260520", fields["seed"]);
        Assert.DoesNotContain("generateAudio", fields.Keys);
        Assert.Empty(CreateRequest().Files);
        Assert.Equal("Bearer " + TestHome.Key, CreateRequest().Headers["Authorization"]);
        Assert.Equal((1280, 720, true), (saved.File.Width, saved.File.Height, saved.File.HasAudio));
    }

    [Fact]
    public async Task Image_to_video_uploads_the_start_image_as_input_reference()
    {
        var saved = await _flow.MakeAsync(BadRequests.Valid with { Image = TestImages.Landscape720Jpeg });

        var file = Assert.Single(CreateRequest().Files);
        Assert.Equal(("input_reference", "frame-1280x720.jpg", "image/jpeg"), (file.FieldName, file.FileName, file.ContentType));
        Assert.Equal(Sha256(TestImages.Landscape720Jpeg), file.Sha256);
        Assert.Equal(1280, saved.File.Width);
    }

    [Fact]
    public async Task First_and_last_frame_send_input_reference_and_last_frame_without_a_negative_prompt()
    {
        await _flow.MakeAsync(BadRequests.Valid with { Image = TestImages.Landscape720Png, LastFrame = TestImages.Landscape720WebP });

        var files = CreateRequest().Files;
        Assert.Equal(new[] { ("input_reference", "image/png"), ("last_frame", "image/webp") }, files.Select(f => (f.FieldName, f.ContentType)));
        Assert.DoesNotContain("negativePrompt", Fields(CreateRequest()).Keys);
    }

    [Fact]
    public async Task Reference_images_repeat_the_referenceImages_part_with_referenceType_asset()
    {
        var refs = new[] { TestImages.Landscape720Png, TestImages.Landscape720Jpeg, TestImages.Landscape720WebP };
        await _flow.MakeAsync(BadRequests.Valid with { ReferenceImages = refs });

        var request = CreateRequest();
        Assert.Equal("asset", Fields(request)["referenceType"]);
        Assert.Equal(refs.Select(Sha256), request.Files.Where(f => f.FieldName == "referenceImages").Select(f => f.Sha256));
        Assert.Equal(3, request.Files.Count);
    }

    [Theory]
    [InlineData("1080p", "16:9", "1920x1080", 1920, 1080)]
    [InlineData("1080p", "9:16", "1080x1920", 1080, 1920)]
    [InlineData("720p", "9:16", "720x1280", 720, 1280)]
    [InlineData("4k", "16:9", "3840x2160", 3840, 2160)]
    [InlineData("4k", "9:16", "2160x3840", 2160, 3840)]
    public async Task Each_size_is_requested_and_delivered(string resolution, string aspect, string size, int width, int height)
    {
        var saved = await _flow.MakeAsync(BadRequests.Valid with { Resolution = resolution, AspectRatio = aspect, Model = "Standard" });

        var fields = Fields(CreateRequest());
        Assert.Equal(size, fields["size"]);
        Assert.Equal(resolution, fields["resolution"]);
        Assert.Equal("veo-3.1-generate-preview", fields["model"]);
        Assert.Contains($"\"resolution\":\"{resolution}\"", fields["metadata"]);
        Assert.Equal((width, height), (saved.File.Width, saved.File.Height));
        Assert.Empty(saved.Warnings);
    }

    private static string Sha256(string path)
    {
        using var sha = SHA256.Create();
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(sha.ComputeHash(stream)).ToLowerInvariant();
    }
}

public class DowngradeWarningTests : EmulatorAndHomeTest
{
    [Fact]
    public async Task A_video_smaller_than_requested_is_saved_with_a_warning()
    {
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
        var task = await flow.WaitAsync(await flow.CreateAsync(BadRequests.Valid with { Resolution = "1080p" }));
        // As if the request had been 4K and the service had quietly rendered 1080p.
        var asked4K = task with { Request = task.Request! with { Resolution = "4k" } };

        var saved = await flow.Engine.SaveAsync(asked4K, flow.Provider, Home.PathOf("v.mp4"), false, NullEngineLog.Instance, CancellationToken.None);

        Assert.Equal(1920, saved.File.Width);
        Assert.Contains("asked for 4k (3840x2160) but the video is 1920x1080", Assert.Single(saved.Warnings));
    }
}
