using System.Collections;
using System.Management.Automation;
using Veo.Core.Requests;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

public class NewVeoVideoTests : PowerShellTest
{
    /// <summary>The parameters a user would type for <paramref name="r"/>, to splat: New-VeoVideo @request.</summary>
    private static Hashtable ParametersFor(VideoRequest r)
    {
        var parameters = new Hashtable
        {
            ["Prompt"] = r.Prompt, ["Model"] = r.Model, ["Duration"] = r.DurationSeconds, ["Resolution"] = r.Resolution, ["AspectRatio"] = r.AspectRatio,
        };
        if (r.NegativePrompt is not null) parameters["NegativePrompt"] = r.NegativePrompt;
        if (r.Seed is not null) parameters["Seed"] = r.Seed;
        if (r.Image is not null) parameters["Image"] = r.Image;
        if (r.LastFrame is not null) parameters["LastFrame"] = r.LastFrame;
        if (r.ReferenceImages.Count > 0) parameters["ReferenceImage"] = r.ReferenceImages.ToArray();
        if (r.GenerateAudio == false) parameters["NoAudio"] = true;
        return parameters;
    }

    /// <summary>
    /// Every bad request the engine refuses, except the two a blank CSV cell gives ("" and 0), which New-VeoVideo reads
    /// as "the default" (see PipelineTests.Csv_rows_bind_by_property_name_with_blank_cells_meaning_the_default).
    /// </summary>
    public static TheoryData<string> BadRequestsRefusedByTheCmdlet()
    {
        var data = new TheoryData<string>();
        foreach (var name in ((IEnumerable<object[]>)BadRequests.Names()).Select(row => (string)row[0]).Except(new[] { "duration 0", "empty model" })) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadRequestsRefusedByTheCmdlet))]
    public void A_bad_request_is_an_error_record_and_nothing_reaches_the_service(string name)
    {
        var (request, expected) = BadRequests.Case(name);
        var result = Run("New-VeoVideo @request", ("request", ParametersFor(request)));

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Terminating);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("InvalidVideoRequest,Veo.PowerShell.Commands.NewVeoVideoCommand", error.FullyQualifiedErrorId);
        Assert.Contains(expected, error.Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(result.Output);
        Assert.Empty(Emulator.Requests);
        Assert.Empty(Home.Journal.ReadAll());
    }

    [Fact]
    public void One_bad_row_does_not_stop_the_batch()
    {
        var result = Run("'good one', '', 'good two' | New-VeoVideo");
        Assert.Single(result.Errors);
        Assert.Equal(2, result.Objects<VideoTask>().Count);
    }

    [Fact]
    public void The_created_task_is_in_the_journal_before_it_is_returned()
    {
        // The journal is read by the next command of the same pipeline, so the line was written before the task came out.
        var result = Run("New-VeoVideo journaled | ForEach-Object { Get-Content (Join-Path $env:VEO_HOME journal.jsonl) | ConvertFrom-Json | Select-Object -ExpandProperty id -ErrorAction Ignore; $_ }");
        var task = Assert.Single(result.Objects<VideoTask>());
        Assert.Contains(task.Id, result.Objects<string>());

        var lines = Home.Journal.ReadAll();
        Assert.Equal(new[] { JournalEntry.CreateSent, JournalEntry.Created }, lines.Select(e => e.Event));
        Assert.Equal(lines[0].Attempt, lines[1].Attempt);
        Assert.Equal((JournalEntry.Created, task.Id, "journaled"), (lines[1].Event, lines[1].Id, lines[1].Prompt));
        Assert.Equal(0.30m, lines[1].Cost);
    }

    [Fact]
    public void The_task_carries_its_route_model_request_and_estimated_cost_but_not_the_key()
    {
        var task = Run("New-VeoVideo p -Model Standard -Resolution 4k").Single<VideoTask>();
        Assert.Equal("LaoZhang", task.Route);
        Assert.Equal(Emulator.BaseUri, task.BaseUri);
        Assert.Equal("veo-3.1-generate-preview", task.Model);
        Assert.Equal(VideoTaskStatus.Queued, task.Status);
        Assert.Equal("4k", task.Request!.Resolution);
        Assert.Equal(1.20m, task.EstimatedCost);
        Assert.DoesNotContain(TestHome.Key, Run("$input | ConvertTo-Json -Depth 5; $input | Format-List * | Out-String", ("input", task)).Text);
    }

    [Fact]
    public void WhatIf_prints_route_model_and_cost_of_every_video_and_sends_nothing()
    {
        var result = Run("'one', 'two' | New-VeoVideo -Model Standard -WhatIf");

        Assert.Empty(Emulator.Requests);
        Assert.Empty(result.Output);
        Assert.Empty(result.Errors);
        Assert.Empty(Home.Journal.ReadAll());
        Assert.Equal(3, result.HostLines.Count);
        Assert.All(result.HostLines.Take(2), line =>
        {
            Assert.StartsWith("What if: Performing the operation \"Create a video (", line);
            Assert.Contains("on LaoZhang", line);
            Assert.Contains("veo-3.1-generate-preview", line);
            Assert.Contains("estimated cost $1.20", line);
        });
        // Then the batch's total, in one line.
        Assert.Equal("What if: 2 video(s) in all, $2.40.", result.HostLines[2].Trim());
    }

    [Fact]
    public void WhatIf_names_the_prompt_once_quoted()
    {
        var line = Assert.Single(Run("New-VeoVideo 'A fox' -WhatIf").HostLines);
        Assert.EndsWith("on target \"A fox\".", line);
    }

    [Fact]
    public void Confirm_answered_No_names_the_cost_and_sends_nothing()
    {
        Shell.Host.Answer("No");
        var result = Run("New-VeoVideo maybe -Confirm");

        Assert.Contains("estimated cost $0.30", Assert.Single(result.Prompts));
        Assert.Empty(result.Output);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void Confirm_answered_Yes_sends_one_create()
    {
        Shell.Host.Answer("Yes");
        var result = Run("New-VeoVideo surely -Confirm");

        Assert.Single(result.Prompts);
        Assert.Equal("surely", result.Single<VideoTask>().Prompt);
        Assert.Equal(1, CreateCalls);
    }

    [Fact]
    public void Without_Confirm_nothing_is_asked()
    {
        var result = Run("New-VeoVideo unasked");
        Assert.Empty(result.Prompts);
        Assert.Single(result.Objects<VideoTask>());
    }

    [Fact]
    public void MaxCost_stops_a_batch_at_the_video_that_would_pass_it_and_refuses_the_rest()
    {
        var result = Run("1..5 | ForEach-Object { \"video $_\" } | New-VeoVideo -MaxCost 1.00");

        Assert.Equal(3, result.Objects<VideoTask>().Count);
        Assert.Equal(3, CreateCalls);
        Assert.Equal(2, result.Errors.Count);
        var first = result.Errors[0];
        Assert.Equal("SpendingCapReached,Veo.PowerShell.Commands.NewVeoVideoCommand", first.FullyQualifiedErrorId);
        Assert.Contains("$1.00 would be passed: $0.90 spent so far plus $0.30", first.Exception.Message);
    }

    [Fact]
    public void A_session_cap_from_Connect_Veo_is_reported_when_hit()
    {
        Run("Connect-Veo -MaxCost 0.50");
        var result = Run("'a', 'b' | New-VeoVideo");

        Assert.Single(result.Objects<VideoTask>());
        Assert.Contains("session spending cap of $0.50", Assert.Single(result.Errors).Exception.Message);
    }

    [Fact]
    public void No_key_anywhere_is_a_terminating_error_naming_the_variable_to_set()
    {
        // A fresh session that was never connected, and no key in the environment.
        using var unconnected = new VeoShell(Home.Folder);
        var result = unconnected.Run($"New-VeoVideo p -BaseUri '{Emulator.BaseUri}'");

        var error = Assert.IsAssignableFrom<RuntimeException>(result.Terminating).ErrorRecord;
        Assert.Equal("ApiKeyMissing,Veo.PowerShell.Commands.NewVeoVideoCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("LAOZHANG_API_KEY", error.Exception.Message);
        Assert.Contains("-ApiKey", error.Exception.Message);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void A_wrong_key_stops_the_pipeline_with_the_servers_answer_but_never_the_key()
    {
        var result = Run("'a', 'b' | New-VeoVideo -ApiKey (ConvertTo-SecureString sk-wrong-key-123 -AsPlainText -Force)");

        var error = Assert.IsAssignableFrom<RuntimeException>(result.Terminating).ErrorRecord;
        Assert.Equal("ApiKeyRefused,Veo.PowerShell.Commands.NewVeoVideoCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("401", error.Exception.Message);
        Assert.Contains("invalid_api_key", error.Exception.Message);
        Assert.All(result.AllText(), text => Assert.DoesNotContain("sk-wrong-key-123", text));
        Assert.Equal(1, CreateCalls);
    }

    [Fact]
    public void A_plain_http_base_uri_off_loopback_is_refused_before_any_call()
    {
        var result = Run("New-VeoVideo p -BaseUri http://gateway.example.com/");
        Assert.Contains("is not https", Assert.Single(result.Errors).Exception.Message);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void Asking_for_silence_explains_that_audio_is_always_on()
    {
        var result = Run("New-VeoVideo p -NoAudio");
        Assert.Contains("always generates audio", Assert.Single(result.Errors).Exception.Message);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void An_image_of_another_size_is_a_warning_and_the_video_is_still_made()
    {
        var result = Run("New-VeoVideo p -Image $image", ("image", TestImages.Small));
        Assert.Single(result.Objects<VideoTask>());
        Assert.Contains("320x240", Assert.Single(result.WarningMessages));
    }

    [Fact]
    public void Relative_image_paths_resolve_against_the_PowerShell_location()
    {
        Directory.CreateDirectory(Home.PathOf("frames"));
        File.Copy(TestImages.Landscape720Png, Home.PathOf(Path.Combine("frames", "start.png")));
        var result = Run("Set-Location frames; New-VeoVideo p -Image start.png");
        Assert.Empty(result.Errors);
        Assert.Equal("start.png", Assert.Single(Assert.Single(Emulator.Requests).Files).FileName);
    }

    [Fact]
    public void Verbose_says_what_is_sent()
    {
        var result = Run("New-VeoVideo p -Verbose");
        Assert.Single(result.Objects<VideoTask>());
        Assert.NotEmpty(result.Verbose);
    }
}
