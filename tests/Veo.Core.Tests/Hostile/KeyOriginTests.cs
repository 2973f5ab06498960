using Veo.Core.Http;
using Veo.Core.Providers;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Hostile;

/// <summary>A key goes only to the scheme, host and port of its route, whatever address a server hands back.</summary>
public class KeyOriginTests
{
    private const string Key = "sk-secret-origin-test";

    private static IVideoProvider Provider(string route, Uri at) =>
        VideoProviders.For(BuiltInRoutes.Find(route)!.At(at), new ApiKey(Key), TestHome.FastPolicy);

    private static ScriptedServer VideoHost() =>
        new((_, stream, ct) => ScriptedServer.WriteAsync(stream, 200, "video/mp4", new byte[] { 0, 0, 0, 8, (byte)'f', (byte)'r', (byte)'e', (byte)'e' }, ct));

    private static bool SawKey(ScriptedRequest request) =>
        (request.Header("x-goog-api-key") ?? request.Header("Authorization") ?? "").Contains(Key, StringComparison.Ordinal);

    [Fact]
    public async Task A_Gemini_video_uri_on_another_host_is_fetched_without_the_key()
    {
        using var elsewhere = VideoHost();
        using var gateway = ScriptedServer.Json(_ => "{}");
        var task = new VideoTask { Id = "models/veo-3.1-fast-generate-preview/operations/op1", Route = "Google", VideoUrl = new Uri(elsewhere.BaseUri, "v/clip.mp4").ToString() };

        await Provider("Google", gateway.BaseUri).DownloadAsync(task, new MemoryStream(), CancellationToken.None);

        var fetched = Assert.Single(elsewhere.Requests);
        Assert.False(SawKey(fetched), "the key went to a host the route does not live on");
    }

    [Fact]
    public async Task A_unified_video_url_on_the_gateway_itself_is_fetched_with_the_key()
    {
        using var gateway = VideoHost();
        var task = new VideoTask { Id = "veo3.1-fast:1-abc", Route = "Crazyrouter", VideoUrl = new Uri(gateway.BaseUri, "v1/videos/abc/content").ToString() };

        await Provider("Crazyrouter", gateway.BaseUri).DownloadAsync(task, new MemoryStream(), CancellationToken.None);

        Assert.True(SawKey(Assert.Single(gateway.Requests)), "the gateway's own content address needs the key");
    }

    [Fact]
    public async Task A_unified_video_url_on_a_cdn_is_fetched_without_the_key()
    {
        using var cdn = VideoHost();
        using var gateway = ScriptedServer.Json(_ => "{}");
        var task = new VideoTask { Id = "veo3.1-fast:1-abc", Route = "Crazyrouter", VideoUrl = new Uri(cdn.BaseUri, "files/abc.mp4").ToString() };

        await Provider("Crazyrouter", gateway.BaseUri).DownloadAsync(task, new MemoryStream(), CancellationToken.None);

        Assert.False(SawKey(Assert.Single(cdn.Requests)));
    }

    [Fact]
    public async Task A_redirect_off_the_route_drops_the_key_and_one_back_on_it_does_not_bring_it_to_others()
    {
        using var storage = VideoHost();
        using var gateway = new ScriptedServer((_, stream, ct) =>
            ScriptedServer.WriteHeadAsync(stream, $"HTTP/1.1 302 Found\nLocation: {new Uri(storage.BaseUri, "signed/clip.mp4")}\nContent-Length: 0\nConnection: close", ct));
        var task = new VideoTask { Id = "task_1", Route = "LaoZhang" };

        await Provider("LaoZhang", gateway.BaseUri).DownloadAsync(task, new MemoryStream(), CancellationToken.None);

        Assert.True(SawKey(Assert.Single(gateway.Requests)));
        Assert.False(SawKey(Assert.Single(storage.Requests)));
    }
}
