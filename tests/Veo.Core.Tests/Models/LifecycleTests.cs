using Veo.Core.Http;
using Veo.Core.Models;
using Veo.Core.Pricing;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Pricing;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using static Veo.Core.Tests.Models.CatalogJson;

namespace Veo.Core.Tests.Models;

/// <summary>A shut-down model is refused before any call; a service's "no such model" is ModelUnavailable, never sent again and never journaled as created.</summary>
public sealed class LifecycleTests : IDisposable
{
    private readonly TestHome _home = new();

    private static VideoRoute WithEntries(VideoRoute route, params string[] entries)
    {
        using var file = new TempJsonFile(Array(entries));
        return route with { Models = ModelCatalog.Default.WithOverrides(file.Path).For(route.Name) };
    }

    private static readonly string RetiredFast = Entry("LaoZhang", "veo-3.1-fast-generate-preview",
        "Status: \"ShutDown\";; ShutDownOn: \"2026-11-20\";; Replacement: \"veo-3.1-generate-preview\";; Source: \"LaoZhang announcement 2026-11-01\"");

    [Fact]
    public void A_shut_down_model_is_refused_naming_its_date_source_and_replacement_even_when_picked_by_alias()
    {
        var route = WithEntries(BuiltInRoutes.LaoZhang, RetiredFast);

        var refusal = Assert.Throws<ModelUnavailableException>(() => RequestValidator.Prepare(BadRequests.Valid with { Model = "veo-3.1-fast-generate-preview" }, route));

        Assert.Equal("Model veo-3.1-fast-generate-preview on route LaoZhang was shut down on 2026-11-20 (source: LaoZhang announcement 2026-11-01). " +
            "Use -Model veo-3.1-generate-preview instead. Nothing was sent.", refusal.Message);
        Assert.Equal("veo-3.1-generate-preview", refusal.Replacement);
        Assert.Null(refusal.Answer);
        Assert.Throws<ModelUnavailableException>(() => RequestValidator.Prepare(BadRequests.Valid with { Model = "Fast" }, route));
        Assert.Equal("veo-3.1-generate-preview", RequestValidator.Prepare(BadRequests.Valid with { Model = "Standard" }, route).Model.Id);
    }

    [Fact]
    public void A_deprecated_model_warns_with_its_dates_and_is_refused_once_its_shut_down_date_has_come()
    {
        var entry = ModelCatalog.Default.For("Vertex")[0] with
        {
            Status = ModelStatus.Deprecated, DeprecatedOn = new DateTime(2026, 10, 22), ShutDownOn = new DateTime(2027, 1, 15),
            Replacement = "gemini-omni-1.1-flash", Source = "ai.google.dev/gemini-api/docs/deprecations",
        };

        Assert.Equal("Model veo-3.1-fast-generate-001 on route Google is deprecated since 2026-10-22 and shuts down on 2027-01-15 " +
            "(source: ai.google.dev/gemini-api/docs/deprecations). Use -Model gemini-omni-1.1-flash before then.",
            ModelLifecycle.Warning(entry, "Google", new DateTime(2026, 12, 6)));
        Assert.False(ModelLifecycle.IsShutDown(entry, new DateTime(2027, 1, 14)));
        Assert.True(ModelLifecycle.IsShutDown(entry, new DateTime(2027, 1, 15)));
        Assert.Null(ModelLifecycle.Warning(entry, "Google", new DateTime(2027, 1, 15)));
        Assert.Null(ModelLifecycle.Warning(ModelCatalog.Default.For("Google")[0], "Google", new DateTime(2026, 12, 6)));
    }

    /// <summary>Each dialect's real answer for a model it does not (or no longer) serve; see ModelLifecycle.SaysModelIsGone for the sources.</summary>
    public static TheoryData<string, int, string> GoneAnswers => new()
    {
        // Google's 404 for an id the API version does not have (python-genai test_generate_videos.py; karthink/gptel#667).
        { "Google", 404, """{"error":{"code":404,"message":"models/veo-3.1-fast-generate-preview is not found for API version v1beta, or is not supported for predictLongRunning. Call ListModels to see the list of available models and their supported methods.","status":"NOT_FOUND"}}""" },
        // A retired model (goruck/home-generative-agent#575).
        { "Google", 404, """{"error":{"code":404,"message":"This model models/veo-3.1-fast-generate-preview is no longer available. Please switch to a newer model.","status":"NOT_FOUND"}}""" },
        // Vertex AI names the publisher model it cannot find.
        { "Vertex", 404, """{"error":{"code":404,"message":"Publisher Model `projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-fast-generate-001` was not found or your project does not have access to it.","status":"NOT_FOUND"}}""" },
        // new-api middleware/distributor.go: 503, code model_not_found, i18n distributor.no_available_channel.
        { "LaoZhang", 503, """{"error":{"message":"No available channel for model veo-3.1-fast-generate-preview under group default (distributor) (request id: 2026120614000012345)","type":"new_api_error","code":"model_not_found"}}""" },
        { "Crazyrouter", 503, """{"error":{"message":"当前分组 default 下对于模型 veo-3.1-fast 无可用渠道 (request id: 2026120614000012345)","type":"new_api_error","code":"model_not_found"}}""" },
        // An upstream's 404 relayed by new-api as model_not_found (types/error.go ErrorCodeModelNotFound).
        { "Crazyrouter", 404, """{"error":{"message":"Requested model not found","type":"upstream_error","code":"model_not_found"}}""" },
    };

    [Theory]
    [MemberData(nameof(GoneAnswers))]
    public async Task A_service_s_answer_that_the_model_is_gone_is_ModelUnavailable_sent_once_and_journaled_as_refused(string routeName, int status, string answer)
    {
        using var server = ScriptedServer.Json(_ => answer, status);
        var known = BuiltInRoutes.Find(routeName)!;
        var route = WithEntries(known, Entry(routeName, known.DefaultModel!.Id, $"Replacement: \"{known.Models[1].Id}\";; Family: \"{known.DefaultModel.Family}\""))
            .At(server.BaseUri) with { Project = routeName == "Vertex" ? "my-project" : null, Location = routeName == "Vertex" ? "us-central1" : null };
        var engine = _home.Engine();
        var provider = engine.Provider(route, new ApiKey(TestHome.Key));

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() =>
            engine.CreateAsync(RequestValidator.Prepare(BadRequests.Valid with { Model = "" }, route), provider, 0.30m, CancellationToken.None));

        Assert.Contains($"{routeName} does not serve model {known.DefaultModel.Id} (it answered {status}", error.Message);
        Assert.Contains($"Use -Model {known.Models[1].Id} instead.", error.Message);
        Assert.Equal(status, (int)error.Answer!.StatusCode);
        Assert.Single(server.Requests);
        var journal = _home.Journal.ReadAll();
        Assert.DoesNotContain(journal, e => e.Event == JournalEntry.Created);
        Assert.Contains(journal, e => e.Event == JournalEntry.CreateRefused && e.Error == error.Message);
        Assert.Empty(_home.Journal.UncertainCreates());
    }

    [Fact]
    public async Task The_rest_of_a_batch_is_not_sent_for_a_model_the_service_just_said_it_does_not_serve()
    {
        using var server = ScriptedServer.Json(_ => """{"error":{"message":"No available channel for model veo-3.1-fast-generate-preview under group default (distributor)","type":"new_api_error","code":"model_not_found"}}""", 503);
        var route = BuiltInRoutes.LaoZhang.At(server.BaseUri);
        var engine = _home.Engine();
        var provider = engine.Provider(route, new ApiKey(TestHome.Key));
        var cap = new SpendingGuard(10m, "-MaxCost cap");
        var caps = new SpendingCaps(() => new SpendingGuard(null, "process"), cap);
        Task<VideoTask> Create(string prompt) =>
            engine.CreateAsync(engine.Plan(BadRequests.Valid with { Prompt = prompt }, route, PriceBook.Default), provider, caps, CancellationToken.None);

        await Assert.ThrowsAsync<ModelUnavailableException>(() => Create("one"));
        var again = await Assert.ThrowsAsync<ModelUnavailableException>(() => Create("two"));

        Assert.StartsWith("LaoZhang does not serve model veo-3.1-fast-generate-preview: it answered so earlier in this session (503 model_not_found", again.Message);
        Assert.EndsWith("Nothing was sent.", again.Message);
        Assert.Single(server.Requests);
        Assert.Equal(0m, cap.Spent);
    }

    [Theory]
    [InlineData("Google", 404, """{"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND"}}""")]
    [InlineData("LaoZhang", 503, """{"error":{"message":"upstream overloaded","type":"new_api_error","code":"bad_response_status_code"}}""")]
    [InlineData("LaoZhang", 400, """{"error":{"message":"invalid prompt","type":"invalid_request_error","code":"invalid_request"}}""")]
    public async Task Another_refusal_stays_the_service_s_own_error(string routeName, int status, string answer)
    {
        using var server = ScriptedServer.Json(_ => answer, status);
        var route = BuiltInRoutes.Find(routeName)!.At(server.BaseUri);
        var engine = _home.Engine();

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            engine.CreateAsync(RequestValidator.Prepare(BadRequests.Valid with { Model = "" }, route), engine.Provider(route, new ApiKey(TestHome.Key)), 0.30m, CancellationToken.None));

        Assert.Equal(status, (int)error.StatusCode);
    }

    public void Dispose() => _home.Dispose();
}
