using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

public class RouteCommandTests : CmdletTest
{
    [Fact]
    public void Get_VeoRoute_lists_every_route_and_where_its_key_comes_from_but_never_the_key()
    {
        var routes = Pipe(new GetVeoRouteCommand()).Run().Output.Cast<VeoRouteInfo>().ToList();

        Assert.Equal(new[] { "LaoZhang", "Crazyrouter", "Google" }, routes.Select(r => r.Name));
        var laoZhang = routes[0];
        Assert.Equal((true, "Connect-Veo", true, Emulator.BaseUri), (laoZhang.HasKey, laoZhang.KeySource, laoZhang.IsDefault, laoZhang.BaseUri));
        Assert.Equal(("none", false), (routes[2].KeySource, routes[2].HasKey));
        Assert.DoesNotContain(TestHome.Key, string.Join(" ", routes.Select(r => r.ToString())));
    }

    [Fact]
    public void A_registered_gateway_is_kept_in_the_settings_file_and_works_like_a_built_in_route()
    {
        var info = (VeoRouteInfo)Pipe(new RegisterVeoRouteCommand
        {
            Name = "MyGateway", Dialect = Dialect.UnifiedVideo, BaseUri = Emulator.BaseUri, KeyVariable = "MYGATEWAY_KEY",
        }).Run().Output.Single();
        Assert.Equal(("MyGateway", false, "veo-3.1-fast"), (info.Name, info.BuiltIn, info.Models[0]));
        Assert.Contains("MYGATEWAY_KEY", File.ReadAllText(Session.Routes.SettingsPath));

        Environment.SetEnvironmentVariable("MYGATEWAY_KEY", TestHome.Key);
        try
        {
            var pipe = Pipe(new NewVeoVideoCommand { Route = "MyGateway" }, new WaitVeoVideoCommand(), new SaveVeoVideoCommand()).Run("via my gateway");
            Assert.Empty(pipe.AllErrors);
            Assert.Equal("MyGateway", Assert.IsType<VideoFile>(Assert.Single(pipe.Output)).Route);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MYGATEWAY_KEY", null);
        }
        Assert.DoesNotContain(TestHome.Key, File.ReadAllText(Session.Routes.SettingsPath));
    }

    [Fact]
    public void Built_in_names_cannot_be_registered_or_removed()
    {
        var register = Pipe(new RegisterVeoRouteCommand { Name = "Google", Dialect = Dialect.Gemini, BaseUri = Emulator.BaseUri, KeyVariable = "X" }).Run();
        Assert.Contains("built-in", Assert.Single(register.AllErrors).Exception.Message);
        var remove = Pipe(new UnregisterVeoRouteCommand { Name = "Google" }).Run();
        Assert.Contains("built-in", Assert.Single(remove.AllErrors).Exception.Message);
    }

    [Fact]
    public void Unregister_removes_a_registered_gateway()
    {
        Pipe(new RegisterVeoRouteCommand { Name = "Temp", Dialect = Dialect.OpenAIVideos, BaseUri = new Uri("https://gateway.example.com/"), KeyVariable = "TEMP_KEY" }).Run();
        Pipe(new UnregisterVeoRouteCommand { Name = "Temp" }).Run();
        Assert.Null(Session.Routes.Find("Temp"));
    }

    [Fact]
    public void Connect_Veo_switches_the_default_route_and_drops_the_other_routes_key()
    {
        var connection = (VeoConnection)Pipe(new ConnectVeoCommand { Route = "Google", BaseUri = Emulator.BaseUri }).Run().Output.Single();
        Assert.Equal(("Google", "none"), (connection.Route, connection.KeySource));

        var key = new System.Security.SecureString();
        foreach (var c in TestHome.Key) key.AppendChar(c);
        Assert.Equal("Connect-Veo", ((VeoConnection)Pipe(new ConnectVeoCommand { ApiKey = key }).Run().Output.Single()).KeySource);
        var task = (VideoTask)Pipe(new NewVeoVideoCommand()).Run("p").Output.Single();
        Assert.StartsWith("models/veo-3.1-fast-generate-preview/operations/", task.Id);
    }
}
