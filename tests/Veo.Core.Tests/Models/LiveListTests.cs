using Veo.Core.Http;
using Veo.Core.Models;
using Veo.Core.Routes;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Models;

/// <summary>Get-VeoModel -Live: every page of a service's list, beside the catalog, read as boundedly as any answer.</summary>
public sealed class LiveListTests : IDisposable
{
    private readonly TestHome _home = new();

    private Task<IReadOnlyList<ModelListing>?> ListAsync(ScriptedServer server, VideoRoute route, VeoEngine? engine = null) =>
        (engine ?? _home.Engine()).ListModelsAsync(route.At(server.BaseUri), new ApiKey(TestHome.Key), "/home/me/.config/Veo/models.json", CancellationToken.None);

    private static string Model(string id, string method) =>
        $$"""{"name":"models/{{id}}","version":"1","displayName":"{{id}}","supportedGenerationMethods":["{{method}}"]}""";

    [Fact]
    public async Task The_Gemini_list_is_read_page_by_page_and_set_beside_the_catalog()
    {
        using var server = ScriptedServer.Json(request => request.Path.Contains("pageToken=p2")
            ? $$"""{"models":[{{Model("veo-3.1-lite-generate-preview", "predictLongRunning")}},{{Model("veo-4.0-generate-preview", "predictLongRunning")}}]}"""
            : $$"""{"models":[{{Model("veo-3.1-generate-preview", "predictLongRunning")}},{{Model("gemini-2.5-flash", "generateContent")}}],"nextPageToken":"p2"}""");

        // The Gemini dialect's list (predictLongRunning), as a registered gateway that forwards Veo would answer it.
        var rows = (await ListAsync(server, BuiltInRoutes.GeminiVeo))!;

        Assert.Equal(
            [("veo-3.1-generate-preview", true, true), ("veo-3.1-lite-generate-preview", true, true), ("veo-4.0-generate-preview", true, false), ("veo-3.1-fast-generate-preview", false, true)],
            rows.Select(r => (r.Id, r.Listed, r.InCatalog)));
        Assert.Contains("declare it in /home/me/.config/Veo/models.json (an entry with Route 'Google' and Id 'veo-4.0-generate-preview'", rows[2].Advice);
        Assert.Contains("does not list it now: it may be retired", rows[3].Advice);
        Assert.Null(rows[0].Advice);
        var requests = server.Requests.ToList();
        Assert.Equal(["/v1beta/models?pageSize=1000", "/v1beta/models?pageSize=1000&pageToken=p2"], requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.Equal(TestHome.Key, r.Header("x-goog-api-key")));
    }

    [Fact]
    public async Task The_Google_route_lists_the_Gemini_Omni_models_the_Gemini_API_names()
    {
        using var server = ScriptedServer.Json(_ => $$"""{"models":[{{Model("gemini-omni-1.2-flash", "generateContent")}},{{Model("gemini-2.5-flash", "generateContent")}},{{Model("gemini-omni-1.3-flash", "generateContent")}}]}""");

        var rows = (await ListAsync(server, BuiltInRoutes.Google))!;

        Assert.Contains(("gemini-omni-1.2-flash", true, true), rows.Select(r => (r.Id, r.Listed, r.InCatalog)));
        Assert.Contains(("gemini-omni-1.3-flash", true, false), rows.Select(r => (r.Id, r.Listed, r.InCatalog)));
        Assert.DoesNotContain(rows, r => r.Id == "gemini-2.5-flash");
    }

    [Fact]
    public async Task A_list_that_repeats_its_page_token_is_refused_instead_of_read_for_ever()
    {
        using var server = ScriptedServer.Json(_ => """{"models":[],"nextPageToken":"again"}""");

        var error = await Assert.ThrowsAsync<ApiException>(() => ListAsync(server, BuiltInRoutes.Google));

        Assert.Contains("repeats 'again'", error.Message);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_gateway_s_list_in_new_api_s_shape_keeps_its_video_models_and_carries_the_key_as_bearer()
    {
        using var server = ScriptedServer.Json(_ => """
            {"success":true,"object":"list","data":[
              {"id":"veo-3.1-fast-generate-preview","object":"model","created":1626777600,"owned_by":"custom","supported_endpoint_types":["openai-video"]},
              {"id":"gpt-4o","object":"model","created":1626777600,"owned_by":"openai","supported_endpoint_types":["openai"]},
              {"id":"veo-3.1-lite-generate-preview","object":"model","created":1626777600,"owned_by":"custom","supported_endpoint_types":["openai-video"]}]}
            """);

        var rows = (await ListAsync(server, BuiltInRoutes.LaoZhang))!;

        Assert.Equal([("veo-3.1-fast-generate-preview", true, true), ("veo-3.1-lite-generate-preview", true, false), ("veo-3.1-generate-preview", false, true)],
            rows.Select(r => (r.Id, r.Listed, r.InCatalog)));
        Assert.Equal("/v1/models", Assert.Single(server.Requests).Path);
        Assert.Equal($"Bearer {TestHome.Key}", server.Requests.Single().Header("Authorization"));
    }

    [Fact]
    public async Task OpenAI_s_own_list_without_endpoint_types_keeps_the_ids_that_name_video_models()
    {
        using var server = ScriptedServer.Json(_ => """{"object":"list","data":[{"id":"veo3.1-fast","object":"model","created":1,"owned_by":"system"},{"id":"whisper-1","object":"model","created":1,"owned_by":"system"}]}""");

        var rows = (await ListAsync(server, BuiltInRoutes.Crazyrouter))!;

        Assert.Equal(["veo3.1-fast", "veo-3.1-fast", "veo-3.1"], rows.Select(r => r.Id));
    }

    [Fact]
    public async Task A_list_larger_than_the_answer_bound_is_refused()
    {
        var huge = string.Join(",", Enumerable.Range(0, 5000).Select(i => $$"""{"id":"veo-{{i}}","object":"model"}"""));
        using var server = ScriptedServer.Json(_ => $$"""{"object":"list","data":[{{huge}}]}""");
        var engine = new VeoEngine(_home.Journal, TestHome.FastPolicy with { MaxAnswerBytes = 64 * 1024 });

        await Assert.ThrowsAsync<AnswerTooLargeException>(() => ListAsync(server, BuiltInRoutes.LaoZhang, engine));
    }

    [Fact]
    public async Task Vertex_AI_has_no_list_and_nothing_is_asked()
    {
        using var server = ScriptedServer.Json(_ => "{}");

        Assert.Null(await ListAsync(server, BuiltInRoutes.Vertex with { Project = "p", Location = "us-central1" }));
        Assert.Empty(server.Requests);
    }

    public void Dispose() => _home.Dispose();
}
