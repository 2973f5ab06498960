using System.Text.Json;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Providers;

/// <summary>
/// Field by field against the official openai SDK: for each create request the SDK sent (Providers/OpenAISdkRequests),
/// Veo's OpenAI-Videos provider, asked for the same video, sends every part the SDK sends, with the same value (or the
/// same file, filename and type), in the same order. Veo may send more parts (duration, resolution, aspectRatio, metadata
/// are the gateway's own), never fewer or different ones.
/// </summary>
public class OpenAISdkRequestTests : IAsyncLifetime
{
    private static readonly Dictionary<string, (string Resolution, string AspectRatio)> Sizes = new()
    {
        ["1280x720"] = ("720p", "16:9"),
        ["720x1280"] = ("720p", "9:16"),
        ["1920x1080"] = ("1080p", "16:9"),
        ["1080x1920"] = ("1080p", "9:16"),
        ["3840x2160"] = ("4k", "16:9"),
        ["2160x3840"] = ("4k", "9:16"),
    };

    private readonly TestHome _home = new();
    private EmulatorServer _emulator = null!;
    private EngineFlow _flow = null!;

    public static IEnumerable<object[]> Modes => SdkRequests.Modes(SdkRequests.OpenAI);

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(TestHome.QuickEmulator());
        _flow = new EngineFlow(_home, _emulator, BuiltInRoutes.LaoZhang);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _home.Dispose();
    }

    [Fact]
    public void The_sdk_requests_cover_text_and_image_to_video() =>
        Assert.Subset(Modes.Select(m => (string)m[0]).ToHashSet(), new HashSet<string> { "text", "input-reference" });

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Veo_sends_every_part_the_sdk_sends_in_the_same_order(string mode)
    {
        var fixture = SdkRequests.Load(SdkRequests.OpenAI, mode);
        var sdkParts = fixture.GetProperty("parts").EnumerateArray().ToList();

        await _flow.CreateAsync(RequestLike(sdkParts));

        var sent = Assert.Single(_emulator.Requests, r => r.Method == "POST" && r.Path == "/v1/videos");
        Assert.Equal(fixture.GetProperty("path").GetString(), sent.Path);
        var veoParts = SdkRequests.PartsOf(sent);
        var cursor = 0;
        foreach (var sdkPart in sdkParts)
        {
            var name = sdkPart.GetProperty("name").GetString()!;
            var index = Enumerable.Range(cursor, veoParts.Count - cursor).FirstOrDefault(i => veoParts[i].Name == name, -1);
            Assert.True(index >= 0, $"Veo does not send the part '{name}' the SDK sends after position {cursor}: " +
                                    string.Join(", ", veoParts.Select(p => p.Name)));
            var veo = veoParts[index];
            if (sdkPart.TryGetProperty("value", out var value))
            {
                Assert.Null(veo.FileName);
                Assert.Equal(value.GetString(), veo.Value);
                Assert.Equal(sdkPart.TryGetProperty("contentType", out var textType) ? textType.GetString() : "", veo.ContentType);
            }
            else
            {
                Assert.Equal(sdkPart.GetProperty("filename").GetString(), veo.FileName);
                Assert.Equal(sdkPart.GetProperty("contentType").GetString(), veo.ContentType);
                Assert.Equal(sdkPart.GetProperty("sha256").GetString(), veo.Sha256);
            }
            cursor = index + 1;
        }
    }

    /// <summary>The Veo request for the video the SDK asked for, read from the SDK's parts.</summary>
    private static VideoRequest RequestLike(IEnumerable<JsonElement> parts)
    {
        var request = new VideoRequest();
        foreach (var part in parts)
        {
            var name = part.GetProperty("name").GetString();
            var value = part.TryGetProperty("value", out var v) ? v.GetString()! : null;
            request = name switch
            {
                "model" => request with { Model = value! },
                "prompt" => request with { Prompt = value! },
                "seconds" => request with { DurationSeconds = int.Parse(value!, System.Globalization.CultureInfo.InvariantCulture) },
                "size" => request with { Resolution = Sizes[value!].Resolution, AspectRatio = Sizes[value!].AspectRatio },
                "input_reference" => request with { Image = SdkRequests.ImagePath(part.GetProperty("file").GetString()!) },
                _ => throw new InvalidOperationException($"The SDK sent a part '{name}' this test does not map to a Veo request yet."),
            };
        }
        return request;
    }
}
