using Veo.Emulator.Tests.OpenAIVideos;

namespace Veo.Emulator.Tests.Shared;

public sealed class RequestLogTests : OpenAIVideosTest
{
    [Fact]
    public async Task Multipart_fields_are_recorded_in_order_with_repeated_names_kept()
    {
        await CreateTaskAsync(VideoForm.TextToVideo().Field("seconds", "8").Field("referenceType", "asset")
            .File("referenceImages", ImageHeaders.Png, fileName: "one.png").File("referenceImages", ImageHeaders.Jpeg, "image/jpeg", "two.jpg"));

        var logged = Assert.Single(Server.Requests);

        Assert.Equal(["model", "prompt", "seconds", "referenceType"], logged.Fields.Select(f => f.Key));
        Assert.Equal("8", logged.Fields[2].Value);
        Assert.Equal(["one.png", "two.jpg"], logged.Files.Select(f => f.FileName));
        Assert.All(logged.Files, f => Assert.Equal("referenceImages", f.FieldName));
        Assert.Equal("image/jpeg", logged.Files[1].ContentType);
        Assert.Equal(ImageHeaders.Jpeg.Length, logged.Files[1].Length);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(ImageHeaders.Jpeg)).ToLowerInvariant(), logged.Files[1].Sha256);
        Assert.Null(logged.JsonBody);
    }

    [Fact]
    public async Task Parts_keep_text_and_files_interleaved_in_sending_order()
    {
        await CreateTaskAsync(new VideoForm().Field("model", "veo-3.1-fast-generate-preview").File("input_reference", ImageHeaders.Png, fileName: "first.png")
            .Field("prompt", "A cat").Field("seconds", "8"));

        var parts = Assert.Single(Server.Requests).Parts;

        Assert.Equal([("model", null), ("input_reference", "first.png"), ("prompt", null), ("seconds", null)],
            parts.Select(p => (p.Name, p.FileName)));
        Assert.Equal("image/png", parts[1].ContentType);
        Assert.Equal(ImageHeaders.Png.Length, parts[1].Length);
        Assert.Equal(1, parts[3].Length);
    }

    [Fact]
    public async Task Every_request_is_recorded_in_order_with_headers_and_the_status_answered()
    {
        var id = await CreateTaskAsync();
        using var anonymous = AnonymousClient();
        await anonymous.GetAsync($"v1/videos/{id}?variant=video");

        var requests = Server.Requests;

        Assert.Equal([("POST", "/v1/videos", 200), ("GET", $"/v1/videos/{id}", 401)],
            requests.Select(r => (r.Method, r.Path, r.StatusCode)));
        Assert.Equal("variant=video", requests[1].Query);
        Assert.Equal("Bearer emulator-key", requests[0].Headers["authorization"]);
        Assert.False(requests[1].Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task ClearRequests_empties_the_log()
    {
        await CreateTaskAsync();

        Server.ClearRequests();

        Assert.Empty(Server.Requests);
    }
}
