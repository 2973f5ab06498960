using System.Management.Automation;
using Veo.Core.Tasks;
using Veo.Emulator;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

public class WaitVeoVideoTests : CmdletTest
{
    [Fact]
    public void A_failed_task_is_a_non_terminating_error_with_the_servers_message()
    {
        Emulator.Faults.Add(new Fault(FaultKind.FailTask));
        var pipe = Pipe(new NewVeoVideoCommand(), new WaitVeoVideoCommand(), new SaveVeoVideoCommand()).Run("fails", "works");

        var error = Assert.Single(pipe.AllErrors);
        Assert.IsType<VideoTaskFailedException>(error.Exception);
        var failed = Assert.IsType<VideoTask>(error.Target);
        Assert.Equal(VideoTaskStatus.Failed, failed.Status);
        Assert.False(string.IsNullOrEmpty(failed.Error));
        Assert.Contains(failed.Error!, error.Exception.Message);
        Assert.Equal("works", Assert.IsType<VideoFile>(Assert.Single(pipe.Output)).Prompt);
    }

    [Fact]
    public void An_unknown_id_is_an_object_not_found_error()
    {
        var pipe = Pipe(new WaitVeoVideoCommand()).Run("task_doesnotexist");
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(pipe.AllErrors).Category);
    }

    [Fact]
    public void Status_changes_go_to_the_journal()
    {
        var task = (VideoTask)Pipe(new NewVeoVideoCommand(), new WaitVeoVideoCommand()).Run("p").Output.Single();
        var events = Home.Journal.ReadAll().Where(e => e.Id == task.Id).Select(e => (e.Event, e.Status)).ToList();
        Assert.Equal((JournalEntry.Created, VideoTaskStatus.Queued), events.First());
        Assert.Equal((JournalEntry.StatusChanged, VideoTaskStatus.Completed), events.Last());
    }
}

public class WaitTimeoutTests : CmdletTest
{
    protected override EmulatorOptions EmulatorOptions => new() { ApiKey = Core.Tests.Support.TestHome.Key, RenderTime = TimeSpan.FromMinutes(5) };

    [Fact]
    public void A_task_still_running_at_the_timeout_is_an_error_that_says_how_to_resume()
    {
        var pipe = Pipe(new NewVeoVideoCommand(), new WaitVeoVideoCommand { Timeout = 1 }).Run("long");
        var error = Assert.Single(pipe.AllErrors);
        Assert.Contains("Wait-VeoVideo -Id", error.Exception.Message);
        Assert.Empty(pipe.Output);
    }
}

public class WaitCancellationTests : CmdletTest
{
    protected override EmulatorOptions EmulatorOptions => new() { ApiKey = Core.Tests.Support.TestHome.Key, RenderTime = TimeSpan.FromMinutes(5) };

    [Fact]
    public void Ctrl_C_stops_the_wait_at_once_and_the_created_tasks_stay_in_the_journal()
    {
        var wait = new WaitVeoVideoCommand();
        var pipe = Pipe(new NewVeoVideoCommand(), wait);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        _ = Task.Delay(500).ContinueWith(_ => wait.RunStop());

        Assert.Throws<PipelineStoppedException>(() => pipe.Run("one", "two"));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopwatch.Elapsed}");
        Assert.Equal(2, Home.Journal.Tasks().Count);
    }
}
