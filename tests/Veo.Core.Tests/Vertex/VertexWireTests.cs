using System.Text;
using System.Text.Json;
using Veo.Core.Http;
using Veo.Core.Providers;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Media;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Vertex;

/// <summary>
/// The Vertex dialect against a scripted server that answers as Vertex AI does (shapes from python-genai's
/// _GenerateVideosOperation_from_vertex and _GenerateVideosResponse_from_vertex): what is sent, and what is read back.
/// </summary>
public class VertexWireTests : IDisposable
{
    private const string Token = "ya29.vertex-test-token";
    private const string Operation = "projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-fast-generate-001/operations/op-1";
    private static readonly byte[] Landscape = File.ReadAllBytes(TestFiles.Fixture("landscape-720p.mp4"));
    private static readonly byte[] Portrait = File.ReadAllBytes(TestFiles.Fixture("portrait-720p.mp4"));
    private readonly TestHome _home = new();

    private static IVideoProvider Provider(Uri at) =>
        VideoProviders.For(BuiltInRoutes.Vertex.At(at) with { Project = "my-project", Location = "us-central1" }, new ApiKey(Token), TestHome.FastPolicy);

    /// <summary>A finished operation with <paramref name="videos"/> (each its JSON members) and the filter's counts.</summary>
    private static string Done(string videos, string extra = "") =>
        $"{{\"name\":\"{Operation}\",\"done\":true,\"response\":{{\"@type\":\"type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse\"{extra},\"videos\":[{videos}]}}}}";

    private static string Inline(byte[] video) => $"{{\"bytesBase64Encoded\":\"{Convert.ToBase64String(video)}\",\"mimeType\":\"video/mp4\"}}";

    private static ScriptedServer Vertex(Func<ScriptedRequest, (int Status, string ContentType, byte[] Body)> answer) =>
        new(async (request, stream, ct) =>
        {
            var (status, type, body) = answer(request);
            await ScriptedServer.WriteAsync(stream, status, type, body, ct);
        });

    private static (int, string, byte[]) Json(string json, int status = 200) => (status, "application/json", Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task A_create_goes_to_the_project_and_location_path_with_the_token_and_every_Vertex_parameter()
    {
        using var server = Vertex(_ => Json($"{{\"name\":\"{Operation}\"}}"));
        var provider = Provider(server.BaseUri);
        var request = BadRequests.Valid with { Seed = 42, GenerateAudio = false, VideoCount = 2, Image = TestImages.Landscape720Png, StorageUri = "gs://my-bucket/veo/" };

        var task = await provider.CreateAsync(RequestValidator.Prepare(request, provider.Route), CancellationToken.None);

        Assert.Equal(Operation, task.Id);
        var create = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-fast-generate-001:predictLongRunning"), (create.Method, create.Path));
        Assert.Equal("Bearer " + Token, create.Header("Authorization"));
        using var body = JsonDocument.Parse(create.Body);
        var instance = Assert.Single(body.RootElement.GetProperty("instances").EnumerateArray());
        Assert.Equal("image/png", instance.GetProperty("image").GetProperty("mimeType").GetString());
        var parameters = body.RootElement.GetProperty("parameters");
        Assert.Equal(42, parameters.GetProperty("seed").GetInt64());
        Assert.False(parameters.GetProperty("generateAudio").GetBoolean());
        Assert.Equal(2, parameters.GetProperty("sampleCount").GetInt32());
        Assert.Equal("gs://my-bucket/veo/", parameters.GetProperty("storageUri").GetString());
        Assert.Equal(("720p", "16:9", 8), (parameters.GetProperty("resolution").GetString(), parameters.GetProperty("aspectRatio").GetString(), parameters.GetProperty("durationSeconds").GetInt32()));
    }

    [Fact]
    public async Task A_poll_posts_the_operation_name_to_fetchPredictOperation()
    {
        using var server = Vertex(_ => Json($"{{\"name\":\"{Operation}\"}}"));

        var task = await Provider(server.BaseUri).GetAsync(Operation, CancellationToken.None);

        Assert.Equal((VideoTaskStatus.InProgress, "veo-3.1-fast-generate-001"), (task.Status, task.Model));
        var poll = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-fast-generate-001:fetchPredictOperation"), (poll.Method, poll.Path));
        Assert.Equal(Operation, JsonDocument.Parse(poll.Body).RootElement.GetProperty("operationName").GetString());
        Assert.Equal("Bearer " + Token, poll.Header("Authorization"));
    }

    [Fact]
    public async Task Two_inline_videos_are_saved_as_two_files_each_its_own_video()
    {
        using var server = Vertex(_ => Json(Done(Inline(Landscape) + "," + Inline(Portrait))));
        var provider = Provider(server.BaseUri);
        var engine = _home.Engine();

        var task = await provider.GetAsync(Operation, CancellationToken.None);
        var first = await engine.SaveAsync(task, provider, _home.PathOf("a.mp4"), false, NullEngineLog.Instance, CancellationToken.None, sample: 0);
        var second = await engine.SaveAsync(task, provider, _home.PathOf("b.mp4"), false, NullEngineLog.Instance, CancellationToken.None, sample: 1);

        Assert.Equal((VideoTaskStatus.Completed, 2), (task.Status, task.VideoCount));
        Assert.Equal(Landscape, File.ReadAllBytes(first.File.Path));
        Assert.Equal(Portrait, File.ReadAllBytes(second.File.Path));
        Assert.Equal(((1280, 720, 1), (720, 1280, 2)), ((first.File.Width, first.File.Height, first.File.Sample), (second.File.Width, second.File.Height, second.File.Sample)));
    }

    [Fact]
    public async Task A_video_written_to_a_bucket_is_fetched_from_the_storage_api_with_the_token()
    {
        using var server = Vertex(request => request.Path.StartsWith("/storage/")
            ? (200, "video/mp4", Landscape)
            : Json(Done("{\"gcsUri\":\"gs://my-bucket/veo/op-1/sample_0.mp4\",\"mimeType\":\"video/mp4\"}")));
        var provider = Provider(server.BaseUri);

        var task = await provider.GetAsync(Operation, CancellationToken.None);
        var saved = await _home.Engine().SaveAsync(task, provider, _home.PathOf("gcs.mp4"), false, NullEngineLog.Instance, CancellationToken.None);

        Assert.Equal("gs://my-bucket/veo/op-1/sample_0.mp4", task.VideoUrl);
        Assert.Equal(Landscape, File.ReadAllBytes(saved.File.Path));
        var fetch = Assert.Single(server.Requests, r => r.Path.StartsWith("/storage/"));
        Assert.Equal("/storage/v1/b/my-bucket/o/veo%2Fop-1%2Fsample_0.mp4?alt=media", fetch.Path);
        Assert.Equal("Bearer " + Token, fetch.Header("Authorization"));
    }

    [Fact]
    public void At_Google_the_bucket_is_read_from_Google_storage_and_behind_any_other_base_from_that_base()
    {
        Assert.Equal(new Uri("https://storage.googleapis.com/"), VertexProvider.StorageBaseFor(VertexEndpoints.BaseUriFor("europe-west4")));
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), VertexProvider.StorageBaseFor(new Uri("http://127.0.0.1:5080/")));
    }

    [Fact]
    public async Task Every_video_filtered_is_a_failed_task_that_says_why()
    {
        using var server = Vertex(_ => Json(Done("", ",\"raiMediaFilteredCount\":2,\"raiMediaFilteredReasons\":[\"Unsafe content\",\"Child\"]")));

        var task = await Provider(server.BaseUri).GetAsync(Operation, CancellationToken.None);

        Assert.Equal((VideoTaskStatus.Failed, "FILTERED"), (task.Status, task.ErrorCode));
        Assert.Contains("2 video(s) removed by safety filters: Unsafe content; Child", task.Error);
    }

    [Fact]
    public async Task Some_videos_filtered_leave_the_rest_to_save_and_say_how_many_went()
    {
        using var server = Vertex(_ => Json(Done(Inline(Landscape), ",\"raiMediaFilteredCount\":1,\"raiMediaFilteredReasons\":[\"Unsafe content\"]")));

        var task = await Provider(server.BaseUri).GetAsync(Operation, CancellationToken.None);

        Assert.Equal((VideoTaskStatus.Completed, 1), (task.Status, task.VideoCount));
        Assert.Equal("1 video(s) removed by safety filters: Unsafe content", task.Filtered);
    }

    [Fact]
    public async Task A_failed_operation_carries_Googles_message_and_status()
    {
        using var server = Vertex(_ => Json($"{{\"name\":\"{Operation}\",\"done\":true,\"error\":{{\"code\":3,\"message\":\"The prompt could not be submitted.\",\"status\":\"INVALID_ARGUMENT\"}}}}"));

        var task = await Provider(server.BaseUri).GetAsync(Operation, CancellationToken.None);

        Assert.Equal((VideoTaskStatus.Failed, "INVALID_ARGUMENT", "The prompt could not be submitted."), (task.Status, task.ErrorCode, task.Error));
    }

    [Fact]
    public async Task An_expired_token_is_a_refused_key_that_stops_the_batch()
    {
        using var server = Vertex(_ => Json("{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials. Expected OAuth 2 access token.\",\"status\":\"UNAUTHENTICATED\"}}", 401));

        var error = await Assert.ThrowsAsync<ApiException>(() => Provider(server.BaseUri).GetAsync(Operation, CancellationToken.None));

        Assert.True(error.IsKeyRefused);
        Assert.DoesNotContain(Token, error.Message);
    }

    [Fact]
    public async Task An_operation_name_that_is_not_Vertex_is_not_sent_anywhere()
    {
        using var server = Vertex(_ => Json("{}"));

        await Assert.ThrowsAsync<ArgumentException>(() => Provider(server.BaseUri).GetAsync("projects/p/../../evil/operations/x", CancellationToken.None));
        Assert.Empty(server.Requests);
    }

    public void Dispose() => _home.Dispose();
}
