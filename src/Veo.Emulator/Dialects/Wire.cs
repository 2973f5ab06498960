using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>Small helpers every dialect writes its answers with.</summary>
internal static class Wire
{
    /// <summary>Escapes only what JSON needs, so messages read like the real services' ('like this', not \u0027).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static EmulatorResponse Json(JsonNode body, int statusCode = 200) => Responses.Json(body.ToJsonString(Options), statusCode);

    /// <summary>Base URI as the client addressed us, so URLs we hand out work from where the client stands.</summary>
    public static string BaseUri(EmulatorRequest request) => $"{request.Scheme}://{request.Host}/";

    /// <summary>
    /// Where a CDN serves from: another host than the gateway (Crazyrouter's video_url points at its storage, not at
    /// the API). Played by the other loopback name on the same port, so a client that sends its key to another host is
    /// caught in the request log, and one that sends it by origin is not fooled.
    /// </summary>
    public static string CdnBaseUri(EmulatorRequest request)
    {
        var host = request.HostName switch
        {
            "127.0.0.1" => "localhost",
            "localhost" => "127.0.0.1",
            var other => other,
        };
        return $"{request.Scheme}://{host}{(request.Port is { } port ? ":" + port : "")}/";
    }

    public static bool KeyEquals(string? offered, string expected)
    {
        if (offered is null) return false;
        var a = Encoding.UTF8.GetBytes(offered);
        var b = Encoding.UTF8.GetBytes(expected);
        // Constant time over the longer input, as CryptographicOperations.FixedTimeEquals (not in netstandard2.0).
        var difference = a.Length ^ b.Length;
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++) difference |= (i < a.Length ? a[i] : 0) ^ (i < b.Length ? b[i] : 0);
        return difference == 0;
    }

    /// <summary>
    /// The rendered video with its Content-Length, like the real downloads: as long as the task asked; or, for
    /// benchmarks, a large video of the one-second fixture and filler.
    /// </summary>
    public static EmulatorResponse Video(EmulatorState state, VideoFixture fixture) => Responses.Stream(VideoStream(state, fixture), "video/mp4");

    /// <summary>The bytes <see cref="Video"/> serves, for answers that carry them inline.</summary>
    public static Stream VideoStream(EmulatorState state, VideoFixture fixture) =>
        state.Options.LargeVideoBytes is { } length ? new LargeVideo(fixture, length) : new MemoryStream(RenderedVideo.Of(fixture), writable: false);
}
