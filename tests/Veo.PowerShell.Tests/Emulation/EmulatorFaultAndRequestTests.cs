using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Emulation;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Emulation;

/// <summary>Add-VeoEmulatorFault and Get-VeoEmulatorRequest as a Pester test of a user's script would use them.</summary>
public sealed class EmulatorFaultAndRequestTests : PowerShellTest
{
    [Fact]
    public void A_FailTask_fault_makes_the_next_render_fail_with_its_message()
    {
        var result = Run("""
            Start-VeoEmulator -RenderSeconds 0
            Add-VeoEmulatorFault -Kind FailTask -ErrorMessage 'Blocked by safety filters.'
            'A storm', 'A calm' | New-VeoVideo | Wait-VeoVideo
            """);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("VideoTaskFailed,", error.FullyQualifiedErrorId);
        Assert.Contains("Blocked by safety filters.", error.Exception.Message);
        Assert.Equal("A calm", Assert.Single(result.Objects<VideoTask>()).Request!.Prompt);
    }

    [Fact]
    public void A_create_whose_answer_is_lost_is_reported_once_and_never_sent_again()
    {
        var result = Run("""
            Start-VeoEmulator
            Add-VeoEmulatorFault -Kind ResetAfterRead -PathContains /v1/videos
            New-VeoVideo 'A lost answer'
            Get-VeoEmulatorRequest -Method POST
            """);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("CreateOutcomeUnknown,", error.FullyQualifiedErrorId);
        var create = Assert.Single(result.Objects<VeoEmulatorRequest>());
        Assert.Equal(0, create.StatusCode);
    }

    [Fact]
    public void A_rate_limited_create_is_sent_again_after_Retry_After()
    {
        var result = Run("""
            Start-VeoEmulator -RenderSeconds 0
            Add-VeoEmulatorFault -Kind RateLimit -RetryAfterSeconds 1 -PathContains /v1/videos
            New-VeoVideo 'A calm sea' | Out-Null
            (Get-VeoEmulatorRequest -Method POST).StatusCode
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(["429", "200"], result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_truncated_download_is_downloaded_again_and_saved_whole()
    {
        var result = Run("""
            Start-VeoEmulator -RenderSeconds 0
            Add-VeoEmulatorFault -Kind TruncateBody -PathContains /content
            New-VeoVideo 'A train' | Wait-VeoVideo | Save-VeoVideo -Path ./train.mp4
            @(Get-VeoEmulatorRequest -Path '*content').Count
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(1280, Assert.Single(result.Objects<VideoFile>()).Width);
        Assert.Equal("2", result.Output.Last().ToString());
    }

    [Fact]
    public void A_fault_the_emulator_refuses_is_an_error_that_says_why()
    {
        var result = Run("Start-VeoEmulator; Add-VeoEmulatorFault -Kind Latency");

        Assert.Contains("Delay", Assert.Single(result.Errors).Exception.Message);
    }

    [Fact]
    public void The_form_fields_and_files_of_a_create_are_shown_and_keys_are_not()
    {
        File.Copy(TestImages.Landscape720Png, Home.PathOf("first.png"));

        var create = Run("""
            Start-VeoEmulator
            New-VeoVideo 'A flower opening' -Image ./first.png -Duration 6 | Out-Null
            Get-VeoEmulatorRequest -Method POST
            """).Single<VeoEmulatorRequest>();

        Assert.Equal("/v1/videos", create.Path);
        Assert.Equal("A flower opening", create.Fields["prompt"]);
        Assert.Equal("6", create.Fields["seconds"]);
        var image = Assert.Single(create.Files);
        Assert.Equal(("input_reference", "first.png", "image/png"), (image.FieldName, image.FileName, image.ContentType));
        Assert.Equal(new FileInfo(Home.PathOf("first.png")).Length, image.Length);
        Assert.Equal("(redacted)", create.Headers["Authorization"]);
        Assert.Null(create.Json);
    }

    [Fact]
    public void A_JSON_body_is_shown_as_objects()
    {
        var result = Run("""
            Start-VeoEmulator -Route Google
            New-VeoVideo 'A cat on a piano' -AspectRatio 9:16 | Out-Null
            $create = Get-VeoEmulatorRequest -Method POST
            $create.Json.input[0].text
            $create.Json.response_format.aspect_ratio
            $create.Headers['x-goog-api-key']
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(["A cat on a piano", "9:16", "(redacted)"], result.Output.Select(o => o.ToString()));
    }
}
