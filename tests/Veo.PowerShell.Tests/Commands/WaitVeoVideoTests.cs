using System.Management.Automation;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

public class WaitVeoVideoTests : PowerShellTest
{
    [Fact]
    public void A_failed_task_is_a_non_terminating_error_with_the_servers_message()
    {
        Emulator.Faults.Add(new Fault(FaultKind.FailTask));
        var result = Run("'fails', 'works' | New-VeoVideo | Wait-VeoVideo | Save-VeoVideo");

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.IsType<VideoTaskFailedException>(error.Exception);
        var failed = Assert.IsType<VideoTask>(error.TargetObject);
        Assert.Equal(VideoTaskStatus.Failed, failed.Status);
        Assert.False(string.IsNullOrEmpty(failed.Error));
        Assert.Contains(failed.Error!, error.Exception.Message);
        Assert.Equal("works", result.Single<VideoFile>().Prompt);
    }

    [Fact]
    public void A_failed_task_has_the_error_id_VideoTaskFailed()
    {
        Emulator.Faults.Add(new Fault(FaultKind.FailTask));
        var result = Run("New-VeoVideo fails | Wait-VeoVideo");
        Assert.Equal("VideoTaskFailed,Veo.PowerShell.Commands.WaitVeoVideoCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void An_unknown_id_is_an_object_not_found_error()
    {
        var result = Run("Wait-VeoVideo -Id task_doesnotexist");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("task_doesnotexist", error.TargetObject?.ToString());
    }

    [Fact]
    public void Verbose_tells_each_poll_and_Debug_each_HTTP_exchange()
    {
        var result = Run("New-VeoVideo p | Wait-VeoVideo -Verbose -Debug");
        Assert.Contains(result.Verbose, v => v.Message.Contains("next poll at") || v.Message.Contains(" is Completed after "));
        Assert.Contains(result.Debug, d => d.Message.Contains("GET") && d.Message.Contains("-> 200"));
        Assert.Empty(Run("New-VeoVideo p | Wait-VeoVideo").Verbose);
    }

    [Fact]
    public void Status_changes_go_to_the_journal()
    {
        var task = Run("New-VeoVideo p | Wait-VeoVideo").Single<VideoTask>();
        var events = Home.Journal.ReadAll().Where(e => e.Id == task.Id).Select(e => (e.Event, e.Status)).ToList();
        Assert.Equal((JournalEntry.Created, VideoTaskStatus.Queued), events.First());
        Assert.Equal((JournalEntry.StatusChanged, VideoTaskStatus.Completed), events.Last());
    }
}

public class WaitTimeoutTests : PowerShellTest
{
    protected override EmulatorOptions EmulatorOptions => new() { ApiKey = TestHome.Key, RenderTime = TimeSpan.FromMinutes(5) };

    [Fact]
    public void A_task_still_running_at_the_timeout_is_an_error_that_says_how_to_resume()
    {
        var result = Run("New-VeoVideo long | Wait-VeoVideo -Timeout 1");
        var error = Assert.Single(result.Errors);
        Assert.Contains("Wait-VeoVideo -Id", error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_task_still_running_at_the_timeout_has_the_error_id_WaitTimeout()
    {
        var result = Run("New-VeoVideo long | Wait-VeoVideo -Timeout 1");
        Assert.Equal("WaitTimeout,Veo.PowerShell.Commands.WaitVeoVideoCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }
}

public class WaitCancellationTests : PowerShellTest
{
    protected override EmulatorOptions EmulatorOptions => new() { ApiKey = TestHome.Key, RenderTime = TimeSpan.FromMinutes(5) };

    [Fact]
    public void Ctrl_C_stops_the_wait_at_once_and_the_created_tasks_stay_in_the_journal()
    {
        var (result, stopTook) = Shell.RunAndStop(
            "'one', 'two' | New-VeoVideo | Wait-VeoVideo",
            stopWhen: () => Home.Journal.Tasks().Count == 2 && Emulator.Requests.Count(r => r.Method == "GET") >= 1);

        Assert.True(stopTook < TimeSpan.FromSeconds(2), $"stopping took {stopTook}");
        Assert.IsType<PipelineStoppedException>(result.Terminating);
        Assert.Empty(result.Output);
        Assert.Empty(result.Errors);
        Assert.Equal(2, Home.Journal.Tasks().Count);
    }
}
