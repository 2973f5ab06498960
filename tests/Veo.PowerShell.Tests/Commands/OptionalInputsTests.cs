using System.Text.Json;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>-PersonGeneration, -EnhancePrompt and -Upsample reach the routes that take them, and the emulator agrees.</summary>
public class OptionalInputsTests : PowerShellTest
{
    private void ConnectTo(string route) =>
        Assert.Empty(Run($"Connect-Veo -Route {route} -BaseUri '{Emulator.BaseUri}' -ApiKey (ConvertTo-SecureString {TestHome.Key} -AsPlainText -Force)").Errors);

    /// <summary>A gateway that still forwards the Gemini API's Veo (predictLongRunning): the one kind of route that takes -PersonGeneration now.</summary>
    private void ConnectGeminiGateway() =>
        Assert.Empty(Run($"""
            Register-VeoRoute OldGemini -Dialect Gemini -BaseUri '{Emulator.BaseUri}' -KeyVariable OLDGEMINI_KEY | Out-Null
            Connect-Veo -Route OldGemini -ApiKey (ConvertTo-SecureString {TestHome.Key} -AsPlainText -Force) | Out-Null
            """).Errors);

    private JsonElement LastCreateBody() => JsonDocument.Parse(Emulator.Requests.Last(r => r.Method == "POST").JsonBody!).RootElement;

    [Fact]
    public void A_Gemini_gateway_takes_the_person_generation_each_mode_allows()
    {
        ConnectGeminiGateway();
        var result = Run("""
            New-VeoVideo 'Two people talk on a bench' -PersonGeneration allow_all | Wait-VeoVideo
            New-VeoVideo 'They stand up' -Image $image -PersonGeneration allow_adult | Wait-VeoVideo
            """, ("image", TestImages.Landscape720Png));

        Assert.Empty(result.Errors);
        Assert.All(result.Objects<VideoTask>(), t => Assert.Equal(VideoTaskStatus.Completed, t.Status));
        Assert.Equal("allow_adult", LastCreateBody().GetProperty("parameters").GetProperty("personGeneration").GetString());
    }

    [Fact]
    public void A_csv_column_binds_and_a_wrong_value_for_the_mode_is_refused_before_any_call()
    {
        ConnectGeminiGateway();
        var creates = CreateCalls;
        var result = Run("[pscustomobject]@{ Prompt = 'x'; PersonGeneration = 'allow_adult' } | New-VeoVideo");

        Assert.Contains("that mode takes allow_all only", Assert.Single(result.Errors).Exception.Message);
        Assert.Equal(creates, CreateCalls);
    }

    [Fact]
    public void Crazyrouter_is_sent_the_unified_flags()
    {
        ConnectTo("Crazyrouter");
        var result = Run("New-VeoVideo 'A harbour at dawn' -EnhancePrompt -Upsample | Wait-VeoVideo");

        Assert.Empty(result.Errors);
        var body = LastCreateBody();
        Assert.True(body.GetProperty("enhance_prompt").GetBoolean());
        Assert.True(body.GetProperty("enable_upsample").GetBoolean());
    }

    [Fact]
    public void LaoZhang_refuses_them_before_any_call()
    {
        var result = Run("New-VeoVideo 'x' -EnhancePrompt");
        Assert.Contains("takes no prompt enhancement", Assert.Single(result.Errors).Exception.Message);
        Assert.Equal(0, CreateCalls);
    }
}
