using System.Management.Automation;
using Veo.Core.Pricing;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>The Google route (Gemini Omni) as a user meets it in PowerShell: each mode, its refusals, Stop-VeoVideo and Veo's shut-down.</summary>
public class OmniCommandTests : PowerShellTest
{
    private void ConnectGoogle() =>
        Assert.Empty(Run($"Connect-Veo -Route Google -BaseUri '{Emulator.BaseUri}' -ApiKey (ConvertTo-SecureString {TestHome.Key} -AsPlainText -Force)").Errors);

    [Fact]
    public void Without_Model_the_Google_route_makes_Omni_of_any_length_from_3_to_15_seconds_and_saves_it()
    {
        ConnectGoogle();

        var result = Run("New-VeoVideo 'A red fox in the snow' -Duration 12 -Resolution 360p | Wait-VeoVideo | Save-VeoVideo -Path ./fox.mp4");

        Assert.Empty(result.Errors);
        var file = result.Single<VideoFile>();
        Assert.Equal((640, 360, 12), (file.Width, file.Height, (int)Math.Round(file.Duration)));
        Assert.Equal("gemini-omni-1.2-flash", file.Model);
        Assert.Single(Emulator.Requests, r => r.Method == "POST" && r.Path == "/v1/interactions");
    }

    [Fact]
    public void An_image_and_reference_images_are_sent_as_their_tasks()
    {
        ConnectGoogle();
        var image = TestImages.Landscape720Png;

        var result = Run("""
            New-VeoVideo 'The boat sails off' -Image $image | Wait-VeoVideo | Save-VeoVideo -Path ./i2v.mp4
            New-VeoVideo 'The two of them at the beach' -ReferenceImage $image, $image, $image | Wait-VeoVideo | Save-VeoVideo -Path ./r2v.mp4
            """, ("image", image));

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Objects<VideoFile>().Count);
        var creates = Emulator.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/interactions").ToList();
        Assert.Contains("\"task\":\"image_to_video\"", creates[0].JsonBody);
        Assert.Contains("\"task\":\"reference_to_video\"", creates[1].JsonBody);
    }

    [Fact]
    public void An_omni_video_is_extended_by_the_seconds_asked()
    {
        ConnectGoogle();

        var result = Run("""
            $first = New-VeoVideo 'A paper boat' -Duration 6 | Wait-VeoVideo
            New-VeoVideo 'It reaches the pond' -Extend $first -Duration 5 | Wait-VeoVideo | Save-VeoVideo -Path ./longer.mp4
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(11, (int)Math.Round(result.Single<VideoFile>().Duration));
        Assert.Contains("\"previous_interaction_id\"", Emulator.Requests.Last(r => r.Method == "POST" && r.Path == "/v1/interactions").JsonBody);
    }

    [Fact]
    public void A_finished_omni_video_piped_into_Edit_is_edited_into_one_of_its_length_and_shape_and_saved()
    {
        ConnectGoogle();

        var result = Run("""
            New-VeoVideo 'A paper boat' -Duration 6 -AspectRatio 9:16 | Wait-VeoVideo -OutVariable first |
                New-VeoVideo 'make it night' -Edit { $_ } | Wait-VeoVideo | Save-VeoVideo -Path ./night.mp4
            """);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        var file = result.Single<VideoFile>();
        Assert.Equal((720, 1280, 6), (file.Width, file.Height, (int)Math.Round(file.Duration)));
        var body = Emulator.Requests.Last(r => r.Method == "POST" && r.Path == "/v1/interactions").JsonBody!;
        Assert.Contains($"\"previous_interaction_id\":\"{Run("$first[0].Id").Text}\"", body);
        Assert.Contains("\"task\":\"edit\"", body);
        Assert.Contains("make it night", body);
        Assert.Equal(2, CreateCalls);
    }

    [Fact]
    public void WhatIf_and_Get_VeoPrice_price_an_edit_as_the_source_seconds_at_the_asked_resolution()
    {
        ConnectGoogle();
        Run("$first = New-VeoVideo 'A paper boat' -Duration 10 | Wait-VeoVideo");
        var tenSecondsAt1080 = PriceBook.Default.Quote("Google", "Omni", 10, "1080p")!.Cost;
        var creates = CreateCalls;

        var whatIf = Run("New-VeoVideo 'make it night' -Edit $first -Resolution 1080p -WhatIf");
        // A row with an Edit column of the task's id, priced as New-VeoVideo would make it, nothing sent.
        var price = Run("[pscustomobject]@{ Prompt = 'make it night'; Edit = $first.Id; Resolution = '1080p' } | Get-VeoPrice").Single<PriceQuote>();

        Assert.Contains($"Edit of {Run("$first.Id").Text} 10 s 1080p 16:9", Assert.Single(whatIf.HostLines));
        Assert.Contains(SpendingGuard.Money(tenSecondsAt1080), whatIf.HostLines[0]);
        Assert.Equal((10, "1080p", tenSecondsAt1080), (price.Seconds, price.Resolution, price.Cost));
        Assert.Equal(creates, CreateCalls);
    }

    [Theory]
    [InlineData("-Duration 5", "An edit keeps the length of the video it changes")]
    [InlineData("-AspectRatio 9:16", "an edit keeps its shape; remove -AspectRatio 9:16")]
    [InlineData("-Image $image", "cannot be combined with -Extend, -Image or -LastFrame")]
    [InlineData("-Extend $first", "cannot be combined with -Extend, -Image or -LastFrame")]
    [InlineData("-Seed 7", "does not take a seed; remove -Seed")]
    public void A_rule_the_edit_breaks_is_an_error_before_any_create(string parameters, string expected)
    {
        ConnectGoogle();
        Run("$first = New-VeoVideo 'A paper boat' | Wait-VeoVideo");
        var creates = CreateCalls;

        var result = Run($"New-VeoVideo 'make it night' -Edit $first {parameters}", ("image", TestImages.Landscape720Png));

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidVideoRequest,Veo.PowerShell.Commands.NewVeoVideoCommand", error.FullyQualifiedErrorId);
        Assert.Contains(expected, error.Exception.Message);
        Assert.Equal(creates, CreateCalls);
    }

    [Fact]
    public void Editing_a_video_of_a_route_without_the_edit_mode_says_where_edit_works_before_any_call()
    {
        Run("$made = New-VeoVideo 'on LaoZhang' | Wait-VeoVideo");
        var before = Emulator.Requests.Count;

        var result = Run("New-VeoVideo 'make it night' -Edit $made");

        var message = Assert.Single(result.Errors).Exception.Message;
        Assert.Contains("Route LaoZhang cannot edit a video", message);
        Assert.Contains("-Edit works on -Route Google with -Model Omni", message);
        Assert.Equal(before, Emulator.Requests.Count);
    }

    [Theory]
    [InlineData("-NegativePrompt 'text'", "remove -NegativePrompt and say what to avoid in the prompt itself")]
    [InlineData("-Seed 7", "-Route Vertex and -Route LaoZhang take one")]
    [InlineData("-Duration 16", "use -Duration 3 to 15")]
    [InlineData("-Model gemini-omni-1.1-flash -Duration 11", "use -Duration 3 to 10")]
    [InlineData("-NoAudio", "always generates audio")]
    public void What_Omni_does_not_take_is_refused_before_any_call_naming_what_works(string parameters, string expected)
    {
        ConnectGoogle();

        var result = Run($"New-VeoVideo 'p' {parameters}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidVideoRequest,Veo.PowerShell.Commands.NewVeoVideoCommand", error.FullyQualifiedErrorId);
        Assert.Contains(expected, error.Exception.Message);
        Assert.Equal(0, CreateCalls);
    }

    [Theory]
    [InlineData("Fast")]
    [InlineData("veo-3.1-generate-preview")]
    public void A_Veo_model_on_the_Google_route_is_refused_with_the_shut_down_date_and_what_to_use(string model)
    {
        ConnectGoogle();

        var error = Assert.Single(Run($"New-VeoVideo 'p' -Model {model}").Errors);

        Assert.StartsWith("ModelUnavailable", error.FullyQualifiedErrorId);
        Assert.Contains("2026-10-22", error.Exception.Message);
        Assert.Contains("-Route Vertex", error.Exception.Message);
        Assert.Equal(0, CreateCalls);
    }

    [Fact]
    public void Stop_VeoVideo_cancels_a_running_task_journals_it_and_Wait_VeoVideo_sees_it_cancelled()
    {
        Emulator.Emulator.Options.RenderTime = TimeSpan.FromSeconds(60);
        ConnectGoogle();

        var result = Run("""
            $task = New-VeoVideo 'A long harbour shot'
            $task | Stop-VeoVideo
            $task | Wait-VeoVideo
            """);

        var stopped = result.Single<VideoTask>();
        Assert.Equal((VideoTaskStatus.Failed, "cancelled"), (stopped.Status, stopped.ErrorCode));
        var waited = Assert.Single(result.Errors);
        Assert.Equal("VideoTaskFailed,Veo.PowerShell.Commands.WaitVeoVideoCommand", waited.FullyQualifiedErrorId);
        Assert.Contains("cancelled", waited.Exception.Message);
        Assert.Contains(Home.Journal.ReadAll(), e => e.Id == stopped.Id && e.Event == JournalEntry.StatusChanged && e.Status == VideoTaskStatus.Failed);
        Assert.Single(Emulator.Requests, r => r.Path == $"/v1/interactions/{stopped.Id}/cancel");
    }

    [Fact]
    public void Stop_VeoVideo_WhatIf_sends_nothing_and_a_finished_task_is_a_non_terminating_error()
    {
        ConnectGoogle();

        var result = Run("""
            $done = New-VeoVideo 'quick' | Wait-VeoVideo
            $running = New-VeoVideo 'still rendering'
            $running | Stop-VeoVideo -WhatIf
            $done, $running | Stop-VeoVideo
            """);

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.Equal("TaskAlreadyFinished,Veo.PowerShell.Commands.StopVeoVideoCommand", error.FullyQualifiedErrorId);
        Assert.Contains("has already finished (Completed)", error.Exception.Message);
        Assert.Single(Emulator.Requests, r => r.Path.EndsWith("/cancel"));
    }

    [Fact]
    public void Stop_VeoVideo_on_a_route_without_a_cancel_says_so_and_sends_nothing()
    {
        var result = Run("New-VeoVideo 'p' | Stop-VeoVideo");

        var error = Assert.Single(result.Errors);
        Assert.Equal("CancelNotSupported,Veo.PowerShell.Commands.StopVeoVideoCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotImplemented, error.CategoryInfo.Category);
        Assert.Contains("Route LaoZhang (OpenAIVideos) has no way to cancel a task", error.Exception.Message);
        Assert.DoesNotContain(Emulator.Requests, r => r.Path.EndsWith("/cancel"));
    }

    [Fact]
    public void A_task_is_resumed_by_its_id_alone_from_the_journal()
    {
        ConnectGoogle();
        var id = Run("(New-VeoVideo 'resume me').Id").Single<string>();

        var result = Run("Get-VeoVideo -State Pending | Wait-VeoVideo | Save-VeoVideo -Path ./resumed.mp4");

        Assert.Empty(result.Errors);
        Assert.Equal(id, result.Single<VideoFile>().TaskId);
    }
}
