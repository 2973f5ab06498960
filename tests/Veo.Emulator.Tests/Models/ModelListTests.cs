using System.Net.Http.Json;
using System.Text.Json;
using Veo.Emulator.Tests.Gemini;

namespace Veo.Emulator.Tests.Models;

/// <summary>The services' model lists, from the models the emulator serves, and a model retired on request.</summary>
public class ModelListTests : GeminiTest
{
    [Fact]
    public async Task The_gateways_list_their_models_as_new_api_does()
    {
        var list = await Json.ReadAsync(await Client.GetAsync("v1/models"));

        Assert.Equal("list", list.GetProperty("object").GetString());
        Assert.True(list.GetProperty("success").GetBoolean());
        var models = list.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["veo-3.1-fast-generate-preview", "veo-3.1-generate-preview", "veo-3.1-fast", "veo-3.1"], models.Select(m => m.GetProperty("id").GetString()));
        Assert.All(models, m => Assert.Equal("model", m.GetProperty("object").GetString()));
        Assert.Equal("openai-video", models[0].GetProperty("supported_endpoint_types")[0].GetString());
    }

    [Fact]
    public async Task The_gateways_list_needs_the_key()
    {
        using var response = await AnonymousClient().GetAsync("v1/models");

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_Gemini_list_pages_with_pageSize_and_pageToken_and_the_last_page_has_no_token()
    {
        var first = await Json.ReadAsync(await GoogleClient().GetAsync("v1beta/models?pageSize=3"));
        var token = first.GetProperty("nextPageToken").GetString();
        var second = await Json.ReadAsync(await GoogleClient().GetAsync($"v1beta/models?pageSize=3&pageToken={token}"));

        var names = first.GetProperty("models").EnumerateArray().Concat(second.GetProperty("models").EnumerateArray()).Select(m => m.GetProperty("name").GetString());
        // This emulator serves the Gemini dialect's Veo ids too (GeminiVeoServed), as a gateway that still forwards them would.
        Assert.Equal(["models/gemini-omni-1.2-flash", "models/gemini-omni-1.1-flash", "models/veo-3.1-generate-preview", "models/veo-3.1-fast-generate-preview", "models/veo-3.1-lite-generate-preview"], names);
        Assert.False(second.TryGetProperty("nextPageToken", out _));
        Assert.Equal("predictLongRunning", second.GetProperty("models")[0].GetProperty("supportedGenerationMethods")[0].GetString());
    }

    [Fact]
    public async Task A_page_token_the_service_did_not_give_is_400_INVALID_ARGUMENT()
    {
        using var response = await GoogleClient().GetAsync("v1beta/models?pageToken=not-a-token");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", (await GoogleErrorOf(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_retired_model_leaves_the_lists_and_its_creates_are_answered_as_each_service_answers_a_model_it_lacks()
    {
        Server.Faults.Add(new Fault(FaultKind.ModelRetired) { Model = "veo-3.1-fast-generate-preview" });
        Server.Faults.Add(new Fault(FaultKind.ModelRetired) { Model = "veo-3.1-fast" });

        using var google = await CreateAsync(Request());
        var googleError = await GoogleErrorOf(google);
        Assert.Equal(404, (int)google.StatusCode);
        Assert.Equal("NOT_FOUND", googleError.GetProperty("status").GetString());
        Assert.StartsWith("models/veo-3.1-fast-generate-preview is not found for API version v1beta", googleError.GetProperty("message").GetString());

        using var gateway = await Client.PostAsJsonAsync("v1/video/create", new { model = "veo-3.1-fast", prompt = "A cat", size = "720P", aspect_ratio = "16:9" });
        var gatewayError = (await Json.ReadAsync(gateway)).GetProperty("error");
        Assert.Equal(503, (int)gateway.StatusCode);
        Assert.Equal("model_not_found", gatewayError.GetProperty("code").GetString());
        Assert.Equal("No available channel for model veo-3.1-fast under group default (distributor)", gatewayError.GetProperty("message").GetString());
        Assert.Equal(0, Server.CreatedTaskCount);

        var listed = (await Json.ReadAsync(await Client.GetAsync("v1/models"))).GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString());
        Assert.Equal(["veo-3.1-generate-preview", "veo-3.1"], listed);
        var gemini = (await Json.ReadAsync(await GoogleClient().GetAsync("v1beta/models"))).GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString());
        Assert.DoesNotContain("models/veo-3.1-fast-generate-preview", gemini);

        Server.Faults.Clear();
        Assert.Equal(200, (int)(await CreateAsync(Request())).StatusCode);
    }

    [Fact]
    public void A_retirement_names_its_model()
    {
        Assert.Throws<ArgumentException>(() => Server.Faults.Add(new Fault(FaultKind.ModelRetired)));
    }
}

public class RetiredAtStartTests : GeminiTest
{
    protected override EmulatorOptions Options => new() { ManualClock = true, RetiredModels = ["veo-3.1-generate-preview"] };

    [Fact]
    public async Task A_model_retired_at_start_is_not_served()
    {
        using var response = await CreateAsync(Request(), "veo-3.1-generate-preview");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(["veo-3.1-generate-preview"], Server.Faults.Retired);
    }
}
