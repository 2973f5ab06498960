using System.Text.Json;
using Veo.Core.Http;
using Veo.Core.Providers;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Vertex;

/// <summary>The engine through the emulator's Vertex AI: create, wait and save, as a user's pipeline does it.</summary>
public class VertexEmulatorTests : EmulatorAndHomeTest
{
    private IVideoProvider Provider(string token = TestHome.Key) =>
        Home.Engine().Provider(BuiltInRoutes.Vertex.At(Emulator.BaseUri) with { Project = "my-project", Location = "us-central1" }, new ApiKey(token));

    private async Task<VideoTask> MadeAsync(IVideoProvider provider, VideoRequest request)
    {
        var engine = Home.Engine();
        var task = await engine.CreateAsync(RequestValidator.Prepare(request, provider.Route), provider, null, CancellationToken.None);
        for (var i = 0; i < 300 && !task.IsFinished; i++)
        {
            await Task.Delay(50);
            task = await engine.RefreshAsync(task, provider, CancellationToken.None);
        }
        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        return task;
    }

    [Fact]
    public async Task Two_silent_videos_from_one_request_are_two_files_without_a_sound_track()
    {
        var provider = Provider();
        var task = await MadeAsync(provider, BadRequests.Valid with { GenerateAudio = false, VideoCount = 2, Seed = 7 });

        var engine = Home.Engine();
        var files = new List<VideoFile>();
        for (var sample = 0; sample < task.VideoCount; sample++)
            files.Add((await engine.SaveAsync(task, provider, Home.PathOf($"v{sample}.mp4"), false, NullEngineLog.Instance, CancellationToken.None, sample: sample)).File);

        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Equal((1280, 720, false), (f.Width, f.Height, f.HasAudio)));
        Assert.Equal(new[] { 1, 2 }, files.Select(f => f.Sample));
        Assert.StartsWith("projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-fast-generate-001/operations/", task.Id);
    }

    [Fact]
    public async Task A_video_with_sound_keeps_its_sound_track()
    {
        var provider = Provider();
        var task = await MadeAsync(provider, BadRequests.Valid with { AspectRatio = "9:16" });

        var saved = await Home.Engine().SaveAsync(task, provider, Home.PathOf("sound.mp4"), false, NullEngineLog.Instance, CancellationToken.None);

        Assert.Equal((720, 1280, true), (saved.File.Width, saved.File.Height, saved.File.HasAudio));
    }

    [Fact]
    public async Task Videos_written_to_a_bucket_are_fetched_from_the_storage_api_with_the_token()
    {
        var provider = Provider();
        var task = await MadeAsync(provider, BadRequests.Valid with { StorageUri = "gs://my-bucket/veo/" });

        var saved = await Home.Engine().SaveAsync(task, provider, Home.PathOf("gcs.mp4"), false, NullEngineLog.Instance, CancellationToken.None);

        Assert.StartsWith("gs://my-bucket/veo/", task.VideoUrl);
        Assert.Equal((1280, 720), (saved.File.Width, saved.File.Height));
        var fetch = Assert.Single(Emulator.Requests, r => r.Path.StartsWith("/storage/v1/b/my-bucket/o/") && r.StatusCode == 200);
        Assert.Equal("Bearer " + TestHome.Key, fetch.Headers["Authorization"]);
    }

    [Theory]
    [InlineData(null, "bytesBase64Encoded")]
    [InlineData("gs://my-bucket/veo/", "gcsUri")]
    public async Task A_Vertex_video_is_extended_into_one_seven_seconds_longer_whether_inline_or_in_a_bucket(string? storage, string sentAs)
    {
        var provider = Provider();
        var first = await MadeAsync(provider, BadRequests.Valid with { AspectRatio = "9:16", StorageUri = storage });
        var source = await Home.Engine().ExtensionSourceAsync(first, provider, CancellationToken.None);

        var extended = await MadeAsync(provider, new VideoRequest { Prompt = "And then it rains", DurationSeconds = 7, AspectRatio = "9:16", Extend = source, StorageUri = storage });
        var saved = await Home.Engine().SaveAsync(extended, provider, Home.PathOf("longer.mp4"), false, NullEngineLog.Instance, CancellationToken.None);

        Assert.Equal((720, 1280), (saved.File.Width, saved.File.Height));
        Assert.Equal(15.0, saved.File.Duration, 0.1);
        var create = Emulator.Requests.Last(r => r.Path.EndsWith(":predictLongRunning"));
        using var body = JsonDocument.Parse(create.JsonBody!);
        Assert.True(body.RootElement.GetProperty("instances")[0].GetProperty("video").TryGetProperty(sentAs, out _));
    }

    [Fact]
    public async Task An_inline_source_that_cannot_be_read_fails_before_the_create_is_journaled_or_paid()
    {
        var provider = Provider();
        var engine = Home.Engine();
        var gone = new ExtensionSource
        {
            TaskId = "projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-fast-generate-001/operations/gone",
            Route = "Vertex", Model = "veo-3.1-fast-generate-001", VideoUri = "", Seconds = 8, AspectRatio = "16:9", Resolution = "720p",
        };
        var plan = engine.Plan(new VideoRequest { Prompt = "And then", DurationSeconds = 7, Extend = gone }, provider.Route, Veo.Core.Pricing.PriceBook.Default);
        var caps = new Veo.Core.Pricing.SpendingCaps(new Veo.Core.Pricing.SpendingGuard(10m, "test cap"));

        await Assert.ThrowsAnyAsync<Exception>(() => engine.CreateAsync(plan, provider, caps, CancellationToken.None));

        Assert.DoesNotContain(engine.Journal.ReadAll(), e => e.Event == JournalEntry.CreateSent);
        Assert.DoesNotContain(Emulator.Requests, r => r.Path.EndsWith(":predictLongRunning"));
        Assert.Null(caps.Check(10m));
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_Googles_401_before_anything_is_made()
    {
        var provider = Provider("ya29.not-the-token");

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            Home.Engine().CreateAsync(RequestValidator.Prepare(BadRequests.Valid, provider.Route), provider, null, CancellationToken.None));

        Assert.True(error.IsKeyRefused);
        Assert.Contains("Expected OAuth 2 access token", error.Message);
        Assert.Empty(Emulator.CreatedTasks);
    }
}
