using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

public class RouteCommandTests : PowerShellTest
{
    [Fact]
    public void Get_VeoRoute_lists_every_route_and_where_its_key_comes_from_but_never_the_key()
    {
        var result = Run("Get-VeoRoute");
        var routes = result.Objects<VeoRouteInfo>();

        Assert.Equal(new[] { "LaoZhang", "Crazyrouter", "Google", "Vertex" }, routes.Select(r => r.Name));
        var laoZhang = routes[0];
        Assert.Equal((true, "Connect-Veo", true, Emulator.BaseUri), (laoZhang.HasKey, laoZhang.KeySource, laoZhang.IsDefault, laoZhang.BaseUri));
        Assert.Equal(("none", false), (routes[2].KeySource, routes[2].HasKey));
        Assert.DoesNotContain(TestHome.Key, Run("Get-VeoRoute | Format-List * | Out-String").Text);
    }

    [Fact]
    public void A_registered_gateway_is_kept_in_the_settings_file_and_works_like_a_built_in_route()
    {
        var info = Run($"Register-VeoRoute MyGateway -Dialect UnifiedVideo -BaseUri '{Emulator.BaseUri}' -KeyVariable MYGATEWAY_KEY").Single<VeoRouteInfo>();
        Assert.Equal(("MyGateway", false, "veo-3.1-fast"), (info.Name, info.BuiltIn, info.Models[0]));
        var settings = Home.PathOf("routes.json");
        Assert.Contains("MYGATEWAY_KEY", File.ReadAllText(settings));

        Environment.SetEnvironmentVariable("MYGATEWAY_KEY", TestHome.Key);
        try
        {
            var result = Run("New-VeoVideo 'via my gateway' -Route MyGateway | Wait-VeoVideo | Save-VeoVideo");
            Assert.Empty(result.Errors);
            Assert.Equal("MyGateway", result.Single<VideoFile>().Route);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MYGATEWAY_KEY", null);
        }
        Assert.DoesNotContain(TestHome.Key, File.ReadAllText(settings));
    }

    [Fact]
    public void A_registered_gateway_is_there_in_the_next_session()
    {
        Run("Register-VeoRoute Kept -Dialect OpenAIVideos -BaseUri https://gateway.example.com/ -KeyVariable KEPT_KEY");
        using var next = new VeoShell(Home.Folder);
        Assert.Contains("Kept", next.Run("Get-VeoRoute").Objects<VeoRouteInfo>().Select(r => r.Name));
    }

    [Theory]
    [InlineData("Register-VeoRoute Google -Dialect Gemini -BaseUri https://gateway.example.com/ -KeyVariable X")]
    [InlineData("Unregister-VeoRoute Google")]
    public void Built_in_names_cannot_be_registered_or_removed(string script)
    {
        var result = Run(script);
        Assert.Contains("built-in", Assert.Single(result.AllErrorRecords()).Exception.Message);
        Assert.Contains("Google", Run("Get-VeoRoute").Objects<VeoRouteInfo>().Select(r => r.Name));
    }

    [Fact]
    public void Unregister_removes_a_registered_gateway()
    {
        Run("Register-VeoRoute Temp -Dialect OpenAIVideos -BaseUri https://gateway.example.com/ -KeyVariable TEMP_KEY");
        Assert.Empty(Run("Unregister-VeoRoute Temp").AllErrorRecords());
        Assert.DoesNotContain("Temp", Run("Get-VeoRoute").Objects<VeoRouteInfo>().Select(r => r.Name));
        Assert.DoesNotContain("TEMP_KEY", File.ReadAllText(Home.PathOf("routes.json")));
    }

    [Fact]
    public void Connect_Veo_switches_the_default_route_and_drops_the_other_routes_key()
    {
        var connection = Run($"Connect-Veo -Route Google -BaseUri '{Emulator.BaseUri}'").Single<VeoConnection>();
        Assert.Equal(("Google", "none"), (connection.Route, connection.KeySource));

        var keyed = Run($"Connect-Veo -ApiKey (ConvertTo-SecureString {TestHome.Key} -AsPlainText -Force)").Single<VeoConnection>();
        Assert.Equal("Connect-Veo", keyed.KeySource);
        var task = Run("New-VeoVideo p").Single<VideoTask>();
        // The Google route's default model is Gemini Omni, made through the Interactions API.
        Assert.Equal("gemini-omni-1.2-flash", task.Model);
        Assert.StartsWith("v1_", task.Id);
    }
}

/// <summary>What Connect-Veo sets belongs to one PowerShell session (runspace), not to the whole process.</summary>
public class SessionScopeTests : PowerShellTest
{
    [Fact]
    public void Another_session_in_the_same_process_is_not_connected()
    {
        using var other = new VeoShell(Home.Folder);
        var laoZhang = other.Run("Get-VeoRoute").Objects<VeoRouteInfo>().Single(r => r.Name == "LaoZhang");
        Assert.Equal(("none", false), (laoZhang.KeySource, laoZhang.HasKey));
        Assert.NotEqual(Emulator.BaseUri, laoZhang.BaseUri);
    }
}
