using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Sessions;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Vertex;

/// <summary>Where the Vertex route goes, what it takes that the other routes refuse, and where its project comes from.</summary>
[Collection(EnvironmentVariables.Collection)]
public class VertexRouteTests : IDisposable
{
    private readonly TestHome _home = new();

    private static VideoRoute InProject => BuiltInRoutes.Vertex with { Project = "my-project", Location = "us-central1" };

    [Theory]
    [InlineData("us-central1", "https://us-central1-aiplatform.googleapis.com/")]
    [InlineData("europe-west4", "https://europe-west4-aiplatform.googleapis.com/")]
    [InlineData("global", "https://aiplatform.googleapis.com/")]
    [InlineData("us", "https://aiplatform.us.rep.googleapis.com/")]
    [InlineData("EU", "https://aiplatform.eu.rep.googleapis.com/")]
    public void Each_location_has_the_host_python_genai_uses(string location, string host) =>
        Assert.Equal(new Uri(host), VertexEndpoints.BaseUriFor(location));

    [Theory]
    [InlineData("us-central1.evil.com/x")]
    [InlineData("a")]
    [InlineData("")]
    public void A_location_that_is_not_one_is_refused_before_it_becomes_a_host(string location) =>
        Assert.Throws<ArgumentException>(() => VertexEndpoints.BaseUriFor(location));

    [Theory]
    [InlineData("../other-project")]
    [InlineData("my project")]
    [InlineData("p/locations/x")]
    public void A_project_that_would_change_the_path_is_refused(string project) =>
        Assert.Throws<ArgumentException>(() => VertexEndpoints.CheckProject(project));

    [Fact]
    public void Seed_silence_and_four_videos_are_taken_on_Vertex()
    {
        var prepared = RequestValidator.Prepare(BadRequests.Valid with { Seed = 42, GenerateAudio = false, VideoCount = 4 }, InProject);

        Assert.Equal((42L, false, 4), (prepared.Request.Seed!.Value, prepared.Request.GenerateAudio!.Value, prepared.Request.VideoCount));
        Assert.Equal("veo-3.1-fast-generate-001", prepared.Model.Id);
    }

    [Theory]
    [InlineData(BuiltInRoutes.GoogleName, "only -Route Vertex can")]
    [InlineData(BuiltInRoutes.LaoZhangName, "only -Route Vertex can")]
    public void Silence_is_refused_elsewhere_with_the_reason(string route, string expected)
    {
        var error = Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(BadRequests.Valid with { GenerateAudio = false, Model = "" }, BuiltInRoutes.Find(route)!));
        Assert.Contains("always generates audio", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(0, "from 1 to 4")]
    [InlineData(5, "from 1 to 4")]
    public void More_videos_than_Vertex_returns_per_request_are_refused(int count, string expected)
    {
        var error = Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(BadRequests.Valid with { VideoCount = count }, InProject));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Several_videos_per_request_are_refused_on_routes_that_make_one()
    {
        var error = Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(BadRequests.Valid with { VideoCount = 2, Model = "" }, BuiltInRoutes.Google));
        Assert.Contains("one video per request", error.Message);
    }

    [Theory]
    [InlineData("https://bucket/x", "not a Cloud Storage folder")]
    [InlineData("gs://A_B/x", "not a Cloud Storage folder")]
    public void A_storage_uri_must_be_a_bucket(string uri, string expected)
    {
        var error = Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(BadRequests.Valid with { StorageUri = uri }, InProject));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Without_a_project_nothing_is_sent_and_the_message_says_where_to_give_one()
    {
        using var _ = new EnvironmentVariables((VertexEndpoints.ProjectVariable, null), (VertexEndpoints.LocationVariable, null));
        var route = Session().ResolveRoute(BuiltInRoutes.VertexName, null);

        var error = Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(BadRequests.Valid, route));
        Assert.Contains("-Project", error.Message);
        Assert.Contains(VertexEndpoints.ProjectVariable, error.Message);
    }

    [Fact]
    public void Project_and_location_come_from_the_Google_Cloud_variables_and_choose_the_host()
    {
        using var _ = new EnvironmentVariables((VertexEndpoints.ProjectVariable, "env-project"), (VertexEndpoints.LocationVariable, "europe-west4"));

        var route = Session().ResolveRoute(BuiltInRoutes.VertexName, null);

        Assert.Equal(("env-project", "europe-west4"), (route.Project, route.Location));
        Assert.Equal(new Uri("https://europe-west4-aiplatform.googleapis.com/"), route.BaseUri);
    }

    [Fact]
    public void Connect_Veo_beats_the_variables_and_its_token_goes_to_the_connected_location_only()
    {
        using var _ = new EnvironmentVariables((VertexEndpoints.ProjectVariable, "env-project"), (VertexEndpoints.LocationVariable, null),
            (VertexEndpoints.TokenVariable, null), (ApiKeys.FallbackVariable, null));
        var session = Session();
        session.Connect(BuiltInRoutes.VertexName, null, new ApiKey("ya29.token"), project: "given-project", location: "global");

        var route = session.ResolveRoute(BuiltInRoutes.VertexName, null);

        Assert.Equal(("given-project", new Uri("https://aiplatform.googleapis.com/")), (route.Project, route.BaseUri));
        Assert.Equal("Connect-Veo", session.KeySource(route));
        var elsewhere = route.At(VertexEndpoints.BaseUriFor("us-central1"));
        Assert.Equal("none", session.KeySource(elsewhere));
    }

    [Fact]
    public void A_task_resumed_from_the_journal_is_polled_where_it_was_made()
    {
        var session = Session();
        var atEmulator = new Uri("http://127.0.0.1:5999/");

        var route = session.ResolveRoute(BuiltInRoutes.VertexName, atEmulator);

        Assert.Equal(atEmulator, route.BaseUri);
    }

    private VeoSession Session() => new(new VeoHome(_home.Engine(), new RouteRegistry(_home.PathOf("routes.json"))));

    public void Dispose() => _home.Dispose();
}
