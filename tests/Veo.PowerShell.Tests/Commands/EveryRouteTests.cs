using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>The same script on every route: only the route given to Connect-Veo changes.</summary>
public class EveryRouteTests : PowerShellTest
{
    public static TheoryData<string, string> Routes => new()
    {
        { "LaoZhang", "veo-3.1-fast-generate-preview" },
        { "Crazyrouter", "veo-3.1-fast" },
        { "Google", "gemini-omni-1.2-flash" },
        { "Vertex", "veo-3.1-fast-generate-001" },
    };

    /// <summary>Vertex AI also needs the Google Cloud project its videos are made in.</summary>
    private void ConnectTo(string route) =>
        Assert.Empty(Run($"Connect-Veo -Route {route} -BaseUri '{Emulator.BaseUri}' -ApiKey (ConvertTo-SecureString {TestHome.Key} -AsPlainText -Force)" +
                         (route == "Vertex" ? " -Project my-project" : "")).Errors);

    [Theory]
    [MemberData(nameof(Routes))]
    public void New_Wait_Save_makes_a_valid_mp4_on_every_route(string route, string wireModel)
    {
        ConnectTo(route);
        var result = Run($"'A lighthouse', 'A harbour' | New-VeoVideo -AspectRatio 9:16 | Wait-VeoVideo | Save-VeoVideo -Path {route}");

        Assert.Empty(result.Errors);
        var files = result.Objects<VideoFile>();
        Assert.Equal(2, files.Count);
        Assert.All(files, f =>
        {
            Assert.Equal((route, wireModel), (f.Route, f.Model));
            Assert.Equal((720, 1280, true), (f.Width, f.Height, f.HasAudio));
            Assert.True(File.Exists(f.Path));
        });
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void An_image_to_video_request_works_on_every_route(string route, string _)
    {
        ConnectTo(route);
        var result = Run("New-VeoVideo -Prompt Animate -Image $image | Wait-VeoVideo | Save-VeoVideo", ("image", TestImages.Landscape720Png));
        Assert.Empty(result.Errors);
        Assert.Equal(1280, result.Single<VideoFile>().Width);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void A_failed_task_carries_the_services_message_on_every_route(string route, string _)
    {
        ConnectTo(route);
        Emulator.Faults.Add(new Fault(FaultKind.FailTask) { ErrorMessage = "Upstream refused the prompt." });
        var result = Run("New-VeoVideo -Prompt x | Wait-VeoVideo");
        Assert.Contains("Upstream refused the prompt.", Assert.Single(result.Errors).Exception.Message);
    }

    [Fact]
    public void A_route_that_lacks_a_mode_says_so_before_any_call()
    {
        ConnectTo("Crazyrouter");
        var result = Run("New-VeoVideo -Prompt p -Image $image -LastFrame $image", ("image", TestImages.Landscape720Png));
        Assert.Contains("no first/last-frame mode", Assert.Single(result.Errors).Exception.Message);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void Tasks_remember_their_route_so_Wait_and_Save_need_none()
    {
        ConnectTo("Google");
        Run("$task = New-VeoVideo -Prompt g");
        // The session's default is LaoZhang again; only the task says it was made on Google.
        var result = Run("""
            Connect-Veo -Route LaoZhang | Out-Null
            $task | Wait-VeoVideo | Save-VeoVideo
            """);

        Assert.Empty(result.Errors);
        Assert.Equal("Google", result.Single<VideoFile>().Route);
        Assert.Contains(Emulator.Requests, r => r.Method == "GET" && r.Path.StartsWith("/v1/interactions/"));
        Assert.DoesNotContain(Emulator.Requests, r => r.Path.StartsWith("/v1/videos"));
    }
}
