using System.Management.Automation;
using Veo.Core.Tasks;
using Veo.Emulator;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

public class SaveVeoVideoTests : CmdletTest
{
    private VideoTask Finished(string prompt = "p", string resolution = "720p") =>
        (VideoTask)Pipe(new NewVeoVideoCommand { Prompt = prompt, Resolution = resolution }, new WaitVeoVideoCommand()).Run().Output.Single();

    [Fact]
    public void A_file_path_is_used_as_given()
    {
        var task = Finished();
        var file = (VideoFile)Pipe(new SaveVeoVideoCommand { Path = "clips/lighthouse.mp4" }).Run(task).Output.Single();
        Assert.Equal(Path.Combine(Home.Folder, "clips", "lighthouse.mp4"), file.Path);
    }

    [Fact]
    public void An_existing_file_is_not_overwritten_without_Force()
    {
        var task = Finished();
        File.WriteAllText(Home.PathOf("keep.mp4"), "precious");

        var pipe = Pipe(new SaveVeoVideoCommand { Path = "keep.mp4" }).Run(task);

        var error = Assert.Single(pipe.AllErrors);
        Assert.Equal(ErrorCategory.ResourceExists, error.Category);
        Assert.Contains("-Force", error.Exception.Message);
        Assert.Equal("precious", File.ReadAllText(Home.PathOf("keep.mp4")));
    }

    [Fact]
    public void Force_overwrites()
    {
        var task = Finished();
        File.WriteAllText(Home.PathOf("old.mp4"), "old");
        var file = (VideoFile)Pipe(new SaveVeoVideoCommand { Path = "old.mp4" }.On("Force")).Run(task).Output.Single();
        Assert.Equal(1280, file.Width);
    }

    [Fact]
    public void The_content_lag_after_completion_is_waited_out()
    {
        Emulator.Faults.Add(new Fault(FaultKind.ContentLag) { Delay = TimeSpan.FromSeconds(3) });
        var task = Finished();
        var pipe = Pipe(new SaveVeoVideoCommand()).Run(task);

        Assert.Empty(pipe.AllErrors);
        Assert.Single(pipe.Output);
        Assert.Contains(Emulator.Requests, r => r.Path.EndsWith("/content") && r.StatusCode == 400);
    }

    [Fact]
    public void A_task_that_is_not_finished_yet_is_an_error_that_says_to_wait()
    {
        var task = (VideoTask)Pipe(new NewVeoVideoCommand { Prompt = "p" }).Run().Output.Single();
        var pipe = Pipe(new SaveVeoVideoCommand()).Run(task);
        Assert.Contains("Wait-VeoVideo", Assert.Single(pipe.AllErrors).Exception.Message);
        Assert.Empty(Directory.GetFiles(Home.Folder, "*.mp4"));
    }

    [Fact]
    public void A_truncated_download_is_retried_and_no_partial_file_is_left()
    {
        var task = Finished();
        Emulator.Faults.Add(new Fault(FaultKind.TruncateBody, PathContains: "/content"));
        var file = (VideoFile)Pipe(new SaveVeoVideoCommand { Path = "out" }).Run(task).Output.Single();

        Assert.Equal(new FileInfo(file.Path).Length, file.Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(Home.Folder, "out"), "*.partial"));
    }

    [Fact]
    public void The_save_is_in_the_journal()
    {
        var task = Finished();
        var file = (VideoFile)Pipe(new SaveVeoVideoCommand()).Run(task).Output.Single();
        Assert.Equal(file.Path, Home.Journal.Tasks().Single(t => t.Task.Id == task.Id).SavedPath);
    }
}

public class SaveThrottleTests : CmdletTest
{
    [Fact]
    public void Many_downloads_at_once_each_land_whole()
    {
        var tasks = Pipe(new NewVeoVideoCommand(), new WaitVeoVideoCommand()).Run("a", "b", "c", "d", "e", "f").Output.ToArray();
        Emulator.Faults.Add(new Fault(FaultKind.TruncateBody, PathContains: "/content", Times: 2));

        var pipe = Pipe(new SaveVeoVideoCommand { Path = "out", ThrottleLimit = 4 }).Run(tasks);

        Assert.Empty(pipe.AllErrors);
        Assert.Equal(6, pipe.Output.Count);
        Assert.All(pipe.Output.Cast<VideoFile>(), f => Assert.Equal(new FileInfo(f.Path).Length, f.Length));
        Assert.Empty(Directory.GetFiles(Path.Combine(Home.Folder, "out"), "*.partial"));
    }

    [Fact]
    public void Two_videos_of_one_pipeline_never_share_a_file()
    {
        var tasks = Pipe(new NewVeoVideoCommand(), new WaitVeoVideoCommand()).Run("a", "b").Output.ToArray();
        var pipe = Pipe(new SaveVeoVideoCommand { Path = "one.mp4" }.On("Force")).Run(tasks);
        Assert.Single(pipe.Output);
        Assert.Contains("another video of this pipeline", Assert.Single(pipe.AllErrors).Exception.Message);
    }
}
