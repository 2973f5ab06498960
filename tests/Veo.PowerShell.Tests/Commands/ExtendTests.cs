using System.Text.Json;
using Veo.Core.Pricing;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>New-VeoVideo -Extend, as a user types it: a finished Google (Gemini Omni) video continued into one longer MP4.</summary>
public class ExtendTests : PowerShellTest
{
    private void ConnectTo(string route) =>
        Assert.Empty(Run($"Connect-Veo -Route {route} -BaseUri '{Emulator.BaseUri}' -ApiKey (ConvertTo-SecureString {TestHome.Key} -AsPlainText -Force)").Errors);

    /// <summary>Leaves a finished 8-second Google video in $first.</summary>
    private VideoTask First(string parameters = "")
    {
        ConnectTo("Google");
        Run("Connect-Veo -Route LaoZhang | Out-Null");
        return Run($"$first = New-VeoVideo 'A paper boat sets off down a rainy street' -Route Google {parameters} | Wait-VeoVideo; $first").Single<VideoTask>();
    }

    private JsonElement LastCreateBody() =>
        JsonDocument.Parse(Emulator.Requests.Last(r => r.Method == "POST").JsonBody!).RootElement;

    [Fact]
    public void A_finished_video_extended_and_saved_is_one_mp4_of_the_source_and_seven_seconds()
    {
        var first = First("-AspectRatio 9:16");

        var result = Run("New-VeoVideo 'The boat sails into a puddle as wide as a lake' -Extend $first -Duration 7 | Wait-VeoVideo | Save-VeoVideo -Path longer.mp4");

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        var file = result.Single<VideoFile>();
        Assert.Equal(("Google", 720, 1280, true), (file.Route, file.Width, file.Height, file.HasAudio));
        Assert.Equal(15, file.Duration, 0.1);
        var body = LastCreateBody();
        Assert.Equal(first.Id, body.GetProperty("previous_interaction_id").GetString());
        Assert.Equal("extend", body.GetProperty("generation_config").GetProperty("video_config").GetProperty("task").GetString());
        Assert.Equal("/v1/interactions", Emulator.Requests.Last(r => r.Method == "POST").Path);
    }

    [Fact]
    public void The_id_alone_extends_the_task_the_journal_knows_on_its_own_route()
    {
        First();

        // The session's default is LaoZhang; the journal says the task was made on Google, and there it is extended.
        var result = Run("New-VeoVideo 'and then' -Extend $first.Id -Duration 7 | Wait-VeoVideo | Save-VeoVideo");

        Assert.Empty(result.Errors);
        Assert.Equal(15, result.Single<VideoFile>().Duration, 0.1);
    }

    [Fact]
    public void Piped_tasks_are_extended_one_by_one_with_a_delay_bound_script_block()
    {
        First();
        var result = Run("$first, $first | New-VeoVideo 'and then' -Extend { $_ }");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Objects<VideoTask>().Count);
        Assert.All(result.Objects<VideoTask>(), t => Assert.Equal("Extension", GenerationModeOf(t)));
    }

    private static string GenerationModeOf(VideoTask task) => task.Request!.Mode.ToString();

    [Fact]
    public void An_extension_of_an_extension_is_seven_seconds_longer_again()
    {
        First();
        var result = Run("New-VeoVideo b -Extend $first -Duration 7 | Wait-VeoVideo | ForEach-Object { New-VeoVideo c -Extend $_ -Duration 7 } | Wait-VeoVideo | Save-VeoVideo");

        Assert.Empty(result.Errors);
        Assert.Equal(22, result.Single<VideoFile>().Duration, 0.1);
    }

    [Fact]
    public void Without_Duration_an_omni_extension_adds_the_most_that_keeps_it_within_30_seconds()
    {
        First();
        var result = Run("New-VeoVideo b -Extend $first | Wait-VeoVideo | ForEach-Object { New-VeoVideo c -Extend $_ } | Wait-VeoVideo | Save-VeoVideo");

        Assert.Empty(result.Errors);
        Assert.Equal(28, result.Single<VideoFile>().Duration, 0.1);
    }

    [Fact]
    public void WhatIf_and_Get_VeoPrice_price_the_seven_seconds_billed()
    {
        First();
        var sevenSeconds = PriceBook.Default.Quote("Google", "Omni", 7, "720p")!.Cost;
        var creates = CreateCalls;

        var whatIf = Run("New-VeoVideo 'and then' -Extend $first -Duration 7 -WhatIf");
        var price = Run("New-VeoVideo 'and then' -Extend $first -Duration 7 | Get-VeoPrice").Single<PriceQuote>();

        Assert.Contains($"Extension of {Run("$first.Id").Text} (15 s in all) 7 s 720p 16:9", Assert.Single(whatIf.HostLines));
        Assert.Contains(SpendingGuard.Money(sevenSeconds), whatIf.HostLines[0]);
        Assert.Equal((7, "720p", sevenSeconds), (price.Seconds, price.Resolution, price.Cost));
        Assert.Equal(creates + 1, CreateCalls);
    }

    [Theory]
    [InlineData("-Duration 11", "An extension adds 3, 4, 5, 6, 7, 8, 9 or 10 seconds on Google")]
    [InlineData("-Duration 2", "An extension adds 3, 4, 5, 6, 7, 8, 9 or 10 seconds on Google")]
    [InlineData("-AspectRatio 9:16", "an extension keeps its shape")]
    [InlineData("-Image $image", "cannot be combined with -Image")]
    [InlineData("-Seed 7", "-Route Vertex and -Route LaoZhang take one")]
    public void A_rule_the_extension_breaks_is_an_error_before_any_create(string parameters, string expected)
    {
        First();
        var creates = CreateCalls;

        var result = Run($"New-VeoVideo 'and then' -Extend $first {parameters}", ("image", TestImages.Landscape720Png));

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidVideoRequest,Veo.PowerShell.Commands.NewVeoVideoCommand", error.FullyQualifiedErrorId);
        Assert.Contains(expected, error.Exception.Message);
        Assert.Equal(creates, CreateCalls);
    }

    [Fact]
    public void A_route_that_cannot_extend_says_so_before_any_call()
    {
        Run("$made = New-VeoVideo 'on LaoZhang' | Wait-VeoVideo");
        var before = Emulator.Requests.Count;

        var result = Run("New-VeoVideo 'and then' -Extend $made");

        Assert.Contains("Route LaoZhang cannot extend a video", Assert.Single(result.Errors).Exception.Message);
        Assert.Equal(before, Emulator.Requests.Count);
    }

}

/// <summary>A source that is not finished yet: the emulator renders for a minute here.</summary>
public class ExtendUnfinishedSourceTests : PowerShellTest
{
    protected override EmulatorOptions EmulatorOptions
    {
        get
        {
            var options = TestHome.QuickEmulator();
            options.RenderTime = TimeSpan.FromMinutes(1);
            return options;
        }
    }

    private void ConnectTo(string route) =>
        Assert.Empty(Run($"Connect-Veo -Route {route} -BaseUri '{Emulator.BaseUri}' -ApiKey (ConvertTo-SecureString {TestHome.Key} -AsPlainText -Force)").Errors);

    [Fact]
    public void A_task_still_rendering_is_asked_of_the_service_and_refused_until_it_is_done()
    {
        ConnectTo("Google");
        Run("$running = New-VeoVideo 'still rendering' -Route Google");
        var creates = CreateCalls;

        var result = Run("New-VeoVideo 'and then' -Extend $running");

        Assert.Contains("wait for it first", Assert.Single(result.Errors).Exception.Message);
        Assert.Equal(creates, CreateCalls);
        Assert.Contains(Emulator.Requests, r => r.Method == "GET" && r.Path.StartsWith("/v1/interactions/"));
    }
}

/// <summary>Save-VeoVideo says when the video is not as long as asked, as it does for a lower resolution.</summary>
public class SavedDurationTests : PowerShellTest
{
    // A large video of the one-second fixture's media, served whatever was asked: an 8-second request gets 1 second.
    protected override EmulatorOptions EmulatorOptions
    {
        get
        {
            var options = TestHome.QuickEmulator();
            options.LargeVideoBytes = 4 * 1024 * 1024;
            return options;
        }
    }

    [Fact]
    public void A_video_shorter_than_the_request_is_a_warning()
    {
        var result = Run("New-VeoVideo 'eight seconds, please' | Wait-VeoVideo | Save-VeoVideo");

        Assert.Empty(result.Errors);
        Assert.Contains("asked for 8 seconds of video but the video lasts 1.0 seconds", Assert.Single(result.WarningMessages));
    }
}
