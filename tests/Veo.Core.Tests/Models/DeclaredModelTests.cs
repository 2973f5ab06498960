using Veo.Core.Models;
using Veo.Core.Requests;
using Veo.Core.Routes;
using static Veo.Core.Tests.Models.CatalogJson;

namespace Veo.Core.Tests.Models;

/// <summary>An id the catalog lacks is refused naming how to declare it; once declared in models.json it is a model like any other.</summary>
public sealed class DeclaredModelTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "veo-tests", Guid.NewGuid().ToString("N"));

    public DeclaredModelTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private RouteRegistry Registry() => new(Path.Combine(_folder, "routes.json"));

    private void Declare(params string[] entries) => File.WriteAllText(Path.Combine(_folder, "models.json"), Array(entries));

    [Fact]
    public void Registering_an_id_the_catalog_lacks_is_refused_naming_the_file_and_the_entry_to_write()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Registry().Register("MyGateway", Dialect.UnifiedVideo, new Uri("https://gw.example/"), "MY_KEY", ["veo-4-ultra"]));

        Assert.Contains("'veo-4-ultra' is not in the model catalog for route MyGateway", error.Message);
        Assert.Contains($"Declare it in {Path.Combine(_folder, "models.json")}: an entry with Route 'MyGateway' and Id 'veo-4-ultra'", error.Message);
        Assert.Contains("Get-VeoModel -Route Crazyrouter", error.Message);
        Assert.False(File.Exists(Path.Combine(_folder, "routes.json")));
    }

    [Fact]
    public void A_declared_id_registers_and_its_own_limits_are_the_rules()
    {
        Declare(Entry("MyGateway", "veo-4-ultra", "Family: \"veo-4-ultra\";; Durations: [10, 12];; Resolutions: [\"1080p\"]"));

        var route = Registry().Register("MyGateway", Dialect.UnifiedVideo, new Uri("https://gw.example/"), "MY_KEY", ["veo-4-ultra"]);

        var model = Assert.Single(route.Models);
        Assert.Equal("veo-4-ultra", route.DefaultModel!.Id);
        var prepared = RequestValidator.Prepare(new VideoRequest { Prompt = "p", Model = "veo-4-ultra", DurationSeconds = 12, Resolution = "1080p" }, route);
        Assert.Equal("veo-4-ultra", prepared.Model.Id);
        var refused = Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(new VideoRequest { Prompt = "p", Model = "veo-4-ultra", DurationSeconds = 8, Resolution = "1080p" }, route));
        Assert.Contains("use -Duration 10 or 12", refused.Message);
    }

    [Fact]
    public void A_gateway_registered_without_ids_serves_what_models_json_declares_for_it_else_its_dialect_s_models()
    {
        var registry = Registry();
        registry.Register("MyGateway", Dialect.OpenAIVideos, new Uri("https://gw.example/"), "MY_KEY", null);
        Assert.Equal(BuiltInRoutes.LaoZhang.Models.Select(m => m.Id), registry.Find("MyGateway")!.Models.Select(m => m.Id));
        Assert.All(registry.Find("MyGateway")!.Models, m => Assert.Equal("MyGateway", m.Route));

        Declare(Entry("MyGateway", "sora-veo-mix"));

        Assert.Equal("sora-veo-mix", Assert.Single(Registry().Find("MyGateway")!.Models).Id);
    }

    [Fact]
    public void A_gateway_s_own_spelling_of_a_family_borrows_the_built_in_model_s_limits()
    {
        var route = Registry().Register("MyGateway", Dialect.UnifiedVideo, new Uri("https://gw.example/"), "MY_KEY", ["veo3.1-fast"]);

        var model = Assert.Single(route.Models);
        Assert.Equal(("veo3.1-fast", ModelFamilies.Fast, true), (model.Id, model.Family, model.Default));
        Assert.Equal(BuiltInRoutes.Crazyrouter.DefaultModel!.Resolutions, model.Resolutions);
    }

    [Fact]
    public void Asking_a_route_for_an_id_it_does_not_serve_says_how_to_declare_it()
    {
        var refused = Assert.Throws<RequestValidationException>(() =>
            RequestValidator.Prepare(new VideoRequest { Prompt = "p", Model = "veo-4-ultra" }, Registry().Find("LaoZhang")!));

        Assert.Contains("Model 'veo-4-ultra' is not offered on route LaoZhang", refused.Message);
        Assert.Contains("models.json", refused.Message);
    }
}
