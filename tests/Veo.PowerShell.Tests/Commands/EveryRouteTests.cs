using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>The same script on every route: only the session's route changes.</summary>
public class EveryRouteTests : CmdletTest
{
    public static TheoryData<string, string> Routes => new()
    {
        { "LaoZhang", "veo-3.1-fast-generate-preview" },
        { "Crazyrouter", "veo-3.1-fast" },
        { "Google", "veo-3.1-fast-generate-preview" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void New_Wait_Save_makes_a_valid_mp4_on_every_route(string route, string wireModel)
    {
        Session.DefaultRoute = route;
        var pipe = Pipe(new NewVeoVideoCommand { AspectRatio = "9:16" }, new WaitVeoVideoCommand(), new SaveVeoVideoCommand { Path = route }).Run("A lighthouse", "A harbour");

        Assert.Empty(pipe.AllErrors);
        Assert.Equal(2, pipe.Output.Count);
        Assert.All(pipe.Output.Cast<VideoFile>(), f =>
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
        Session.DefaultRoute = route;
        var pipe = Pipe(new NewVeoVideoCommand { Prompt = "Animate", Image = TestImages.Landscape720Png }, new WaitVeoVideoCommand(), new SaveVeoVideoCommand()).Run();
        Assert.Empty(pipe.AllErrors);
        Assert.Equal(1280, Assert.IsType<VideoFile>(Assert.Single(pipe.Output)).Width);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void A_failed_task_carries_the_services_message_on_every_route(string route, string _)
    {
        Session.DefaultRoute = route;
        Emulator.Faults.Add(new Veo.Emulator.Fault(Veo.Emulator.FaultKind.FailTask) { ErrorMessage = "Upstream refused the prompt." });
        var pipe = Pipe(new NewVeoVideoCommand(), new WaitVeoVideoCommand()).Run("x");
        Assert.Contains("Upstream refused the prompt.", Assert.Single(pipe.AllErrors).Exception.Message);
    }

    [Fact]
    public void A_route_that_lacks_a_mode_says_so_before_any_call()
    {
        Session.DefaultRoute = "Crazyrouter";
        var pipe = Pipe(new NewVeoVideoCommand { Prompt = "p", Image = TestImages.Landscape720Png, LastFrame = TestImages.Landscape720Png }).Run();
        Assert.Contains("no first/last-frame mode", Assert.Single(pipe.AllErrors).Exception.Message);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void Tasks_remember_their_route_so_Wait_and_Save_need_none()
    {
        Session.DefaultRoute = "Google";
        var task = (VideoTask)Pipe(new NewVeoVideoCommand()).Run("g").Output.Single();
        Session.DefaultRoute = "LaoZhang";
        Session.DefaultBaseUri = null;
        Session.Key = null;
        Environment.SetEnvironmentVariable("GEMINI_API_KEY", TestHome.Key);
        try
        {
            var pipe = Pipe(new WaitVeoVideoCommand(), new SaveVeoVideoCommand()).Run(task);
            Assert.Empty(pipe.AllErrors);
            Assert.Equal("Google", Assert.IsType<VideoFile>(Assert.Single(pipe.Output)).Route);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GEMINI_API_KEY", null);
        }
    }
}
