using System.Text.Json;
using Veo.Core.Models;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tests.Pricing;
using static Veo.Core.Tests.Models.CatalogJson;

namespace Veo.Core.Tests.Models;

/// <summary>The catalog shipped with the module, and what a user's models.json adds, replaces or is refused for.</summary>
public class ModelCatalogTests
{
    [Fact]
    public void The_shipped_catalog_holds_every_model_the_routes_served_before_each_live_with_one_default_per_route()
    {
        var ids = ModelCatalog.Default.Entries.ToLookup(e => e.Route, e => e.Id);

        Assert.Equal(["veo-3.1-fast-generate-preview", "veo-3.1-generate-preview"], ids["LaoZhang"]);
        Assert.Equal(["veo-3.1-fast", "veo-3.1"], ids["Crazyrouter"]);
        Assert.Equal(["gemini-omni-1.2-flash", "gemini-omni-1.1-flash", "veo-3.1-fast-generate-preview", "veo-3.1-generate-preview", "veo-3.1-lite-generate-preview"], ids["Google"]);
        Assert.Equal(["veo-3.1-fast-generate-001", "veo-3.1-generate-001", "veo-3.1-fast-generate-preview", "veo-3.1-generate-preview"], ids["Vertex"]);
        // The Gemini API's Veo ids are kept, shut down, so they are refused with their date; every other model is live.
        Assert.All(ModelCatalog.Default.Entries, e => Assert.Equal(e.Route == "Google" && e.Family != ModelFamilies.Omni ? ModelStatus.ShutDown : ModelStatus.Live, e.Status));
        Assert.All(ModelCatalog.Default.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        foreach (var route in BuiltInRoutes.All)
            Assert.Equal(route.Models.First(m => m.Family == (route.Name == "Google" ? ModelFamilies.Omni : ModelFamilies.Fast)).Id, Assert.Single(route.Models, m => m.Default).Id);
    }

    [Fact]
    public void The_routes_take_their_limits_from_the_catalog()
    {
        var lite = BuiltInRoutes.GeminiVeo.FindModel("Lite")!;
        Assert.Equal(["720p", "1080p"], lite.Resolutions);
        Assert.Null(lite.Extension);
        Assert.Equal(AudioSupport.Optional, BuiltInRoutes.Vertex.DefaultModel!.Audio);
        Assert.Equal(["720p"], BuiltInRoutes.Vertex.FindModel("veo-3.1-generate-001")!.Extension!.Resolutions);
        Assert.Equal(["720p", "1080p"], BuiltInRoutes.Vertex.FindModel("veo-3.1-fast-generate-001")!.Extension!.Resolutions);
        Assert.Equal([GenerationMode.TextToVideo, GenerationMode.ImageToVideo], BuiltInRoutes.Crazyrouter.DefaultModel!.Modes);
    }

    [Fact]
    public void An_entry_with_the_same_route_and_id_replaces_the_shipped_one_and_keeps_its_place()
    {
        using var file = new TempJsonFile(Array(Entry("google", "VEO-3.1-generate-preview",
            "Family: \"veo-3.1\";; Status: \"Deprecated\";; DeprecatedOn: \"2026-10-01\";; Replacement: \"veo-3.1-fast-generate-preview\"")));

        var catalog = ModelCatalog.Default.WithOverrides(file.Path);

        Assert.Equal(ModelCatalog.Default.Entries.Count, catalog.Entries.Count);
        var google = catalog.For("Google");
        Assert.Equal(ModelStatus.Deprecated, google[3].Status);
        Assert.Equal(new DateTime(2026, 10, 1), google[3].DeprecatedOn);
        Assert.Equal(["720p"], google[3].Resolutions);
        Assert.Equal(ModelStatus.ShutDown, ModelCatalog.Default.For("Google")[3].Status);
    }

    [Fact]
    public void An_entry_for_another_route_is_added_and_its_first_entry_is_the_default_unless_one_says_so()
    {
        using var file = new TempJsonFile(Array(Entry("MyGateway", "veo3.1-fast"), Entry("MyGateway", "veo3.1-turbo", "Family: \"veo-3.1-turbo\";; Default: true")));

        var catalog = ModelCatalog.Default.WithOverrides(file.Path);

        Assert.Equal(ModelCatalog.Default.Entries.Count + 2, catalog.Entries.Count);
        Assert.Equal("veo3.1-turbo", Assert.Single(catalog.For("mygateway"), e => e.Default).Id);
    }

    [Fact]
    public void A_default_declared_for_a_built_in_route_takes_the_default_from_the_shipped_one()
    {
        using var file = new TempJsonFile(Array(Entry("LaoZhang", "veo-3.1-generate-preview", "Family: \"veo-3.1\";; Default: true")));

        var route = new RouteRegistry(Path.Combine(Path.GetTempPath(), "veo-none", "routes.json"), file.Path).Find("LaoZhang")!;

        Assert.Equal("veo-3.1-generate-preview", Assert.Single(route.Models, m => m.Default).Id);
        Assert.Equal("veo-3.1-generate-preview", route.DefaultModel!.Id);
    }

    [Fact]
    public void Gemini_Omni_s_limits_can_be_written_and_are_what_the_rules_check()
    {
        using var file = new TempJsonFile(Array(Entry("Google", "gemini-omni-1.2-flash", """
            Family: "gemini-omni-flash";; Modes: ["TextToVideo", "ImageToVideo", "ReferenceImages", "Edit", "Extension"];;
            Durations: [3,4,5,6,7,8,9,10,11,12,13,14,15];; Resolutions: ["360p", "720p", "1080p", "4k"];; EightSecondsOnly: [];;
            MaxReferenceImages: 6;; Extension: { "AddedSeconds": [3,4,5,6,7,8,9,10], "MaxSourceSeconds": 27, "MaxTotalSeconds": 30, "Resolutions": ["720p"] }
            """)));
        var google = BuiltInRoutes.Google with { Models = ModelCatalog.Default.WithOverrides(file.Path).For("Google") };

        var omni = google.FindModel("gemini-omni-1.2-flash")!;
        Assert.Equal(Enumerable.Range(3, 13), omni.Durations);
        Assert.Contains(GenerationMode.Edit, omni.Modes);
        Assert.Equal(30, omni.Extension!.MaxTotalSeconds);

        var prepared = RequestValidator.Prepare(new VideoRequest { Prompt = "p", Model = omni.Id, DurationSeconds = 13, Resolution = "360p" }, google);
        Assert.Equal(new PixelSize(640, 360), prepared.Size);
        var tooLong = Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(new VideoRequest { Prompt = "p", Model = omni.Id, DurationSeconds = 16 }, google));
        Assert.Contains("use -Duration 3 to 15", tooLong.Message);
        var source = new ExtensionSource { TaskId = "t", Route = "Google", Model = omni.Id, Seconds = 24, AspectRatio = "16:9", Resolution = "720p", VideoUri = "https://x/v", CompletedAt = DateTimeOffset.UtcNow };
        var past30 = Assert.Throws<RequestValidationException>(() => RequestValidator.Prepare(new VideoRequest { Prompt = "p", Model = omni.Id, DurationSeconds = 8, Extend = source }, google));
        Assert.Contains("at most 30 seconds; pass -Duration 6 or less", past30.Message);
        Assert.Equal(30, RequestValidator.Prepare(new VideoRequest { Prompt = "p", Model = omni.Id, DurationSeconds = 6, Extend = source }, google).Request.OutputSeconds);
    }

    [Fact]
    public void A_row_serialized_as_PowerShell_does_with_enums_as_numbers_and_dates_as_times_reads_back_the_same()
    {
        var shipped = BuiltInRoutes.Google.Models[0];
        // A file written by another tool (or pwsh with PSSerializeJSONLongEnumAsNumber) may hold an enum as its number.
        var json = JsonSerializer.Serialize(new[] { shipped with { Route = "MyGateway", Status = ModelStatus.Deprecated, DeprecatedOn = new DateTime(2026, 11, 1) } });
        Assert.Contains("\"Status\":1", json);
        Assert.Contains("\"AsOf\":\"2026-12-06T00:00:00\"", json);
        using var file = new TempJsonFile(json);

        var read = Assert.Single(ModelCatalog.Default.WithOverrides(file.Path).For("MyGateway"));

        Assert.Equal(ModelStatus.Deprecated, read.Status);
        Assert.Equal(new DateTime(2026, 11, 1), read.DeprecatedOn);
        Assert.Equal(shipped.Modes, read.Modes);
        Assert.Equal(shipped.Extension!.AddedSeconds, read.Extension!.AddedSeconds);
        Assert.Equal(shipped.Extension.SourceLifetimeDays, read.Extension.SourceLifetimeDays);
        Assert.Equal(shipped.AsOf, read.AsOf);
    }

    [Theory]
    [InlineData("\"2026-11-01\"")]
    [InlineData("\"2026-11-01T00:00:00\"")]
    [InlineData("windows-powershell")]
    public void A_date_is_read_as_written_by_hand_by_PowerShell_7_or_by_Windows_PowerShell(string written)
    {
        // Windows PowerShell writes local midnight as milliseconds since 1970 UTC.
        if (written == "windows-powershell") written = $"\"/Date({new DateTimeOffset(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Local)).ToUnixTimeMilliseconds()})/\"";
        using var file = new TempJsonFile(Array(Entry("G", "veo-x", $"Status: \"Deprecated\";; DeprecatedOn: {written}")));

        Assert.Equal(new DateTime(2026, 11, 1), ModelCatalog.Default.WithOverrides(file.Path).For("G")[0].DeprecatedOn);
    }

    [Theory]
    [InlineData("Route: <absent>", "has no 'Route'")]
    [InlineData("Id: \"veo 3.1\"", "Id 'veo 3.1' is not a model id")]
    [InlineData("Id: \"../../v1/files\"", "is not a model id")]
    [InlineData("Family: <absent>", "(G veo-x) has no 'Family'")]
    [InlineData("Source: <absent>", "(G veo-x) has no 'Source'")]
    [InlineData("AsOf: \"December\"", "'AsOf' is 'December', expected a yyyy-MM-dd date")]
    [InlineData("Status: \"Retired\"", "'Status' holds the text \"Retired\", expected one of Live, Deprecated, ShutDown")]
    [InlineData("Status: \"ShutDown\"", "is ShutDown but has no 'ShutDownOn' date")]
    [InlineData("Modes: [\"TextToVideo\", \"Dance\"]", "'Modes' holds the text \"Dance\"")]
    [InlineData("Modes: []", "has an empty 'Modes'")]
    [InlineData("Durations: [8, \"10\"]", "'Durations' holds the text \"10\", expected whole numbers")]
    [InlineData("Resolutions: [\"8k\"]", "'Resolutions' holds '8k', which is not one of 360p, 720p, 1080p, 4k")]
    [InlineData("EightSecondsOnly: [\"4k\"]", "EightSecondsOnly names 4k, which is not one of its Resolutions")]
    [InlineData("AspectRatios: [\"4:3\"]", "AspectRatios holds '4:3'")]
    [InlineData("Audio: true", "'Audio' holds true, expected one of Always, Optional, None")]
    [InlineData("MaxReferenceImages: 3", "ReferenceImages mode only together with MaxReferenceImages")]
    [InlineData("Extension: { \"AddedSeconds\": [7], \"MaxSourceSeconds\": 30, \"Resolutions\": [\"720p\"] }", "Extension mode only together with an 'Extension' object")]
    [InlineData("Modes: [\"Extension\"];; Extension: { \"AddedSeconds\": [7], \"Resolutions\": [\"720p\"] }", "has no 'MaxSourceSeconds'")]
    [InlineData("Modes: [\"Extension\"];; Extension: { \"AddedSeconds\": [7], \"MaxSourceSeconds\": 30, \"Resolutions\": [\"720p\"], \"Lifetime\": 2 }", "Extension has an unknown field 'Lifetime'")]
    [InlineData("Durration: [8]", "has an unknown field 'Durration'; the fields are Route, Id, Family")]
    [InlineData("Replacement: \"veo-x\"", "names itself as its Replacement")]
    [InlineData("Id: \"veo-first\"", "(G veo-first) repeats the route and id of entry 1")]
    public void A_bad_entry_is_refused_naming_the_file_the_entry_and_the_field(string change, string problem)
    {
        using var file = new TempJsonFile(Array(Entry("G", "veo-first"), Entry("G", "veo-x", change)));

        var error = Assert.Throws<ModelCatalogFormatException>(() => ModelCatalog.Default.WithOverrides(file.Path));

        Assert.StartsWith($"Model catalog '{file.Path}', entry 2: ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Equal(2, error.EntryNumber);
    }

    [Theory]
    [InlineData("""{ "Route": "R" }""", "expected a JSON array of model entries, found an object")]
    [InlineData("""[{ "Route": """, "not a JSON array of model entries")]
    public void A_file_that_is_not_an_array_of_entries_is_refused_as_a_whole(string json, string problem)
    {
        using var file = new TempJsonFile(json);
        var before = File.ReadAllText(file.Path);

        var error = Assert.Throws<ModelCatalogFormatException>(() => ModelCatalog.Default.WithOverrides(file.Path));

        Assert.Contains(problem, error.Message);
        Assert.Null(error.EntryNumber);
        Assert.Equal(before, File.ReadAllText(file.Path));
    }

    [Fact]
    public void Two_defaults_for_one_route_in_a_file_are_refused()
    {
        using var file = new TempJsonFile(Array(Entry("G", "a", "Default: true"), Entry("G", "b", "Default: true")));

        var error = Assert.Throws<ModelCatalogFormatException>(() => ModelCatalog.Default.WithOverrides(file.Path));

        Assert.Contains("entry 2: (G) is a second Default model of route G", error.Message);
    }
}
