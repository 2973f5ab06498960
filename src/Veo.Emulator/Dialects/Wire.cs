using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Veo.Emulator;

/// <summary>Small helpers every dialect writes its answers with.</summary>
internal static class Wire
{
    /// <summary>Escapes only what JSON needs, so messages read like the real services' ('like this', not \u0027).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(Options), "application/json", Encoding.UTF8, statusCode);

    public static string PathAndQuery(HttpRequest request) => request.Path.Value + request.QueryString.Value;

    /// <summary>Base URI as the client addressed us, so URLs we hand out work from where the client stands.</summary>
    public static string BaseUri(HttpRequest request) => $"{request.Scheme}://{request.Host}/";

    /// <summary>
    /// Where a CDN serves from: another host than the gateway (Crazyrouter's video_url points at its storage, not at
    /// the API). Played by the other loopback name on the same port, so a client that sends its key to another host is
    /// caught in the request log, and one that sends it by origin is not fooled.
    /// </summary>
    public static string CdnBaseUri(HttpRequest request)
    {
        var host = request.Host.Host switch
        {
            "127.0.0.1" => "localhost",
            "localhost" => "127.0.0.1",
            var other => other,
        };
        return $"{request.Scheme}://{host}{(request.Host.Port is { } port ? ":" + port : "")}/";
    }

    public static bool KeyEquals(string? offered, string expected) =>
        offered is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(expected));

    /// <summary>
    /// The rendered video with its Content-Length, like the real downloads: as long as the task asked; or, for
    /// benchmarks, a large video of the one-second fixture and filler.
    /// </summary>
    public static IResult Video(EmulatorState state, VideoFixture fixture) =>
        state.Options.LargeVideoBytes is { } length ? new LargeVideo(fixture, length) : Results.Bytes(RenderedVideo.Of(fixture), "video/mp4");
}
