namespace Veo.Emulator.Tests.Core;

public sealed class RouteTableTests
{
    private static EmulatorRequest Get(string path, string method = "GET") =>
        new(method, "http", "127.0.0.1:5080", path, "", [], null);

    private static RouteTable Table(out List<string> hits)
    {
        var seen = new List<string>();
        hits = seen;
        var table = new RouteTable();
        table.MapGet("/v1/videos/{id}", r => { seen.Add("poll " + r.Route["id"]); return EmulatorResponse.Empty(200); });
        table.MapGet("/v1/videos/{id}/content", r => { seen.Add("content " + r.Route["id"]); return EmulatorResponse.Empty(200); });
        table.MapPost("/v1beta/models/{model}:predictLongRunning", r => { seen.Add("create " + r.Route["model"]); return EmulatorResponse.Empty(200); });
        table.MapGet("/cdn/videos/{id}.mp4", r => { seen.Add("cdn " + r.Route["id"]); return EmulatorResponse.Empty(200); });
        return table;
    }

    [Theory]
    [InlineData("GET", "/v1/videos/task_1", "poll task_1")]
    [InlineData("GET", "/V1/Videos/task_1/CONTENT", "content task_1")]
    [InlineData("POST", "/v1beta/models/veo-3.1-generate-preview:predictLongRunning", "create veo-3.1-generate-preview")]
    [InlineData("GET", "/cdn/videos/veo3.1-fast:1770350082-abc12.mp4", "cdn veo3.1-fast:1770350082-abc12")]
    public void A_request_reaches_its_endpoint_with_the_values_from_its_path(string method, string path, string expected)
    {
        var table = Table(out var hits);

        var request = Get(path, method);
        table.Find(request)!(request);

        Assert.Equal([expected], hits);
    }

    [Theory]
    [InlineData("POST", "/v1/videos/task_1")]
    [InlineData("GET", "/v1/videos")]
    [InlineData("GET", "/v1/videos/task_1/content/more")]
    [InlineData("POST", "/v1beta/models/:predictLongRunning")]
    [InlineData("GET", "/cdn/videos/.mp4")]
    public void Other_methods_paths_and_empty_values_match_nothing(string method, string path) =>
        Assert.Null(Table(out _).Find(Get(path, method)));
}
