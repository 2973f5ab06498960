using System.Management.Automation;
using System.Security;
using Veo.Core.Http;
using Veo.Core.Pricing;
using Veo.Core.Requests;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

public class NewVeoVideoTests : CmdletTest
{
    private static NewVeoVideoCommand CommandFor(VideoRequest r)
    {
        var command = new NewVeoVideoCommand
        {
            Prompt = r.Prompt,
            Model = r.Model,
            Duration = r.DurationSeconds,
            Resolution = r.Resolution,
            AspectRatio = r.AspectRatio,
            NegativePrompt = r.NegativePrompt,
            Seed = r.Seed,
            Image = r.Image,
            LastFrame = r.LastFrame,
            ReferenceImage = r.ReferenceImages.Count == 0 ? null : r.ReferenceImages.ToArray(),
        };
        return r.GenerateAudio == false ? command.On(nameof(NewVeoVideoCommand.NoAudio)) : command;
    }

    /// <summary>A blank CSV cell binds as "" or 0 and means "the default", so these two are errors only in the engine.</summary>
    private static readonly string[] DefaultedByTheCmdlet = { "duration 0", "empty model" };

    [Theory]
    [MemberData(nameof(BadRequests.Names), MemberType = typeof(BadRequests))]
    public void A_bad_request_is_an_error_record_and_nothing_reaches_the_service(string name)
    {
        if (DefaultedByTheCmdlet.Contains(name)) return;
        var (request, expected) = BadRequests.Case(name);
        var pipe = Pipe(CommandFor(request)).Run();

        var error = Assert.Single(pipe.AllErrors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.Category);
        Assert.Equal("InvalidVideoRequest", error.ErrorId);
        Assert.Contains(expected, error.Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(pipe.Output);
        Assert.Empty(Emulator.Requests);
        Assert.Empty(Home.Journal.ReadAll());
    }

    [Fact]
    public void One_bad_row_does_not_stop_the_batch()
    {
        var pipe = Pipe(new NewVeoVideoCommand()).Run("good one", "", "good two");
        Assert.Single(pipe.AllErrors);
        Assert.Equal(2, pipe.Output.Count);
    }

    [Fact]
    public void The_created_task_is_in_the_journal_before_it_is_returned()
    {
        var task = (VideoTask)Pipe(new NewVeoVideoCommand { Prompt = "journaled" }).Run().Output.Single();
        var lines = Home.Journal.ReadAll();
        Assert.Equal(new[] { JournalEntry.CreateSent, JournalEntry.Created }, lines.Select(e => e.Event));
        Assert.Equal(lines[0].Attempt, lines[1].Attempt);
        var entry = lines[1];
        Assert.Equal((JournalEntry.Created, task.Id, "journaled"), (entry.Event, entry.Id, entry.Prompt));
        Assert.Equal(0.30m, entry.Cost);
    }

    [Fact]
    public void The_task_carries_its_route_model_request_and_estimated_cost_but_not_the_key()
    {
        var task = (VideoTask)Pipe(new NewVeoVideoCommand { Prompt = "p", Model = "Standard", Resolution = "4k" }).Run().Output.Single();
        Assert.Equal("LaoZhang", task.Route);
        Assert.Equal(Emulator.BaseUri, task.BaseUri);
        Assert.Equal("veo-3.1-generate-preview", task.Model);
        Assert.Equal(VideoTaskStatus.Queued, task.Status);
        Assert.Equal("4k", task.Request!.Resolution);
        Assert.Equal(1.20m, task.EstimatedCost);
        Assert.DoesNotContain(TestHome.Key, System.Text.Json.JsonSerializer.Serialize(task));
    }

    [Fact]
    public void WhatIf_sends_nothing_and_says_route_model_and_cost_of_every_video()
    {
        var command = new NewVeoVideoCommand { Model = "Standard" };
        var pipe = Pipe(command);
        pipe.Host(0).WhatIfMode = true;
        pipe.Run("one", "two");

        Assert.Empty(Emulator.Requests);
        Assert.Empty(pipe.Output);
        Assert.Equal(2, pipe.Host(0).WhatIf.Count);
        Assert.All(pipe.Host(0).WhatIf, line =>
        {
            Assert.Contains("on LaoZhang", line);
            Assert.Contains("veo-3.1-generate-preview", line);
            Assert.Contains("estimated cost $1.20", line);
        });
    }

    [Fact]
    public void Confirm_names_the_cost_and_a_no_sends_nothing()
    {
        var pipe = Pipe(new NewVeoVideoCommand { Prompt = "maybe" });
        pipe.Host(0).Confirm = _ => false;
        pipe.Run();

        Assert.Contains("estimated cost $0.30", Assert.Single(pipe.Host(0).ConfirmPrompts));
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void MaxCost_stops_a_batch_at_the_video_that_would_pass_it_and_refuses_the_rest()
    {
        var pipe = Pipe(new NewVeoVideoCommand { MaxCost = 1.00m }).Run("1", "2", "3", "4", "5");

        Assert.Equal(3, pipe.Output.Count);
        Assert.Equal(3, CreateCalls);
        Assert.Equal(2, pipe.AllErrors.Count());
        var first = pipe.AllErrors.First();
        Assert.Equal("SpendingCapReached", first.ErrorId);
        Assert.Contains("$1.00 would be passed: $0.90 spent so far plus $0.30", first.Exception.Message);
    }

    [Fact]
    public void A_session_cap_from_Connect_Veo_is_reported_when_hit()
    {
        Pipe(new ConnectVeoCommand { MaxCost = 0.50m }).Run();
        var pipe = Pipe(new NewVeoVideoCommand()).Run("a", "b");

        Assert.Single(pipe.Output);
        Assert.Contains("session spending cap of $0.50", Assert.Single(pipe.AllErrors).Exception.Message);
    }

    [Fact]
    public void No_key_anywhere_is_a_terminating_error_naming_the_variable_to_set()
    {
        Session.Key = null;
        var error = Assert.Throws<TerminatingErrorException>(() => Pipe(new NewVeoVideoCommand { Prompt = "p" }).Run()).Error;
        Assert.Equal(ErrorCategory.AuthenticationError, error.Category);
        Assert.Contains("LAOZHANG_API_KEY", error.Exception.Message);
        Assert.Contains("-ApiKey", error.Exception.Message);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void A_wrong_key_stops_the_pipeline_with_the_servers_answer_but_never_the_key()
    {
        var wrong = new SecureString();
        foreach (var c in "sk-wrong-key-123") wrong.AppendChar(c);
        var pipe = Pipe(new NewVeoVideoCommand { ApiKey = wrong });
        var error = Assert.Throws<TerminatingErrorException>(() => pipe.Run("a", "b")).Error;

        Assert.Equal(ErrorCategory.AuthenticationError, error.Category);
        Assert.Contains("401", error.Exception.Message);
        Assert.Contains("invalid_api_key", error.Exception.Message);
        Assert.DoesNotContain("sk-wrong-key-123", error.Exception.ToString());
        Assert.Equal(1, CreateCalls);
    }

    [Fact]
    public void A_plain_http_base_uri_off_loopback_is_refused_before_any_call()
    {
        var pipe = Pipe(new NewVeoVideoCommand { Prompt = "p", BaseUri = new Uri("http://gateway.example.com/") }).Run();
        Assert.Contains("is not https", Assert.Single(pipe.AllErrors).Exception.Message);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void Asking_for_silence_explains_that_audio_is_always_on()
    {
        var pipe = Pipe(new NewVeoVideoCommand { Prompt = "p" }.On("NoAudio")).Run();
        Assert.Contains("always generates audio", Assert.Single(pipe.AllErrors).Exception.Message);
    }

    [Fact]
    public void An_image_of_another_size_is_a_warning_and_the_video_is_still_made()
    {
        var pipe = Pipe(new NewVeoVideoCommand { Prompt = "p", Image = TestImages.Small }).Run();
        Assert.Single(pipe.Output);
        Assert.Contains("320x240", Assert.Single(pipe.Host(0).Warnings));
    }

    [Fact]
    public void Relative_image_paths_resolve_against_the_PowerShell_location()
    {
        File.Copy(TestImages.Landscape720Png, Home.PathOf("start.png"));
        var pipe = Pipe(new NewVeoVideoCommand { Prompt = "p", Image = "start.png" }).Run();
        Assert.Empty(pipe.AllErrors);
        Assert.Equal("start.png", Assert.Single(Assert.Single(Emulator.Requests).Files).FileName);
    }
}
