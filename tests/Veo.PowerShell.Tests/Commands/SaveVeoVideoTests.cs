using System.Management.Automation;
using Veo.Core.Tasks;
using Veo.Emulator;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

public class SaveVeoVideoTests : PowerShellTest
{
    /// <summary>Leaves a finished task in $task.</summary>
    private VideoTask Finished(string resolution = "720p") =>
        Run($"$task = New-VeoVideo p -Resolution {resolution} | Wait-VeoVideo; $task").Single<VideoTask>();

    [Fact]
    public void A_file_path_is_used_as_given()
    {
        Finished();
        var file = Run("$task | Save-VeoVideo -Path clips/lighthouse.mp4").Single<VideoFile>();
        Assert.Equal(Path.Combine(Home.Folder, "clips", "lighthouse.mp4"), file.Path);
        Assert.True(File.Exists(file.Path));
    }

    [Fact]
    public void An_existing_file_is_not_overwritten_without_Force()
    {
        Finished();
        File.WriteAllText(Home.PathOf("keep.mp4"), "precious");

        var result = Run("$task | Save-VeoVideo -Path keep.mp4");

        var error = Assert.Single(result.Errors);
        Assert.Equal("FileExists,Veo.PowerShell.Commands.SaveVeoVideoCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains("-Force", error.Exception.Message);
        Assert.Equal("precious", File.ReadAllText(Home.PathOf("keep.mp4")));
    }

    [Fact]
    public void Force_overwrites()
    {
        Finished();
        File.WriteAllText(Home.PathOf("old.mp4"), "old");
        var file = Run("$task | Save-VeoVideo -Path old.mp4 -Force").Single<VideoFile>();
        Assert.Equal(1280, file.Width);
        Assert.Equal(file.Length, new FileInfo(Home.PathOf("old.mp4")).Length);
    }

    [Fact]
    public void WhatIf_names_the_file_and_downloads_nothing()
    {
        Finished();
        var downloadsBefore = Emulator.Requests.Count(r => r.Path.EndsWith("/content"));
        var result = Run("$task | Save-VeoVideo -Path clip.mp4 -WhatIf");

        Assert.Empty(result.Output);
        Assert.Contains("clip.mp4", Assert.Single(result.HostLines));
        Assert.StartsWith("What if: ", result.HostLines[0]);
        Assert.False(File.Exists(Home.PathOf("clip.mp4")));
        Assert.Equal(downloadsBefore, Emulator.Requests.Count(r => r.Path.EndsWith("/content")));
    }

    [Fact]
    public void The_content_lag_after_completion_is_waited_out()
    {
        Emulator.Faults.Add(new Fault(FaultKind.ContentLag) { Delay = TimeSpan.FromSeconds(3) });
        Finished();
        var result = Run("$task | Save-VeoVideo -Verbose");

        Assert.Empty(result.Errors);
        Assert.Single(result.Objects<VideoFile>());
        Assert.Contains(Emulator.Requests, r => r.Path.EndsWith("/content") && r.StatusCode == 400);
        Assert.Contains(result.Verbose, v => v.Message.Contains("Trying again in"));
    }

    [Fact]
    public void A_task_that_is_not_finished_yet_is_an_error_that_says_to_wait()
    {
        var result = Run("New-VeoVideo p | Save-VeoVideo");
        Assert.Contains("Wait-VeoVideo", Assert.Single(result.Errors).Exception.Message);
        Assert.Empty(Directory.GetFiles(Home.Folder, "*.mp4"));
    }

    [Fact]
    public void A_task_that_is_not_finished_yet_has_the_error_id_VideoNotReady()
    {
        var result = Run("New-VeoVideo p | Save-VeoVideo");
        Assert.StartsWith("VideoNotReady,", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void A_truncated_download_is_retried_and_no_partial_file_is_left()
    {
        Finished();
        Emulator.Faults.Add(new Fault(FaultKind.TruncateBody, PathContains: "/content"));
        var file = Run("$task | Save-VeoVideo -Path out").Single<VideoFile>();

        Assert.Equal(new FileInfo(file.Path).Length, file.Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(Home.Folder, "out"), "*.partial"));
    }

    [Fact]
    public void Saving_shows_a_progress_bar_that_ends_done()
    {
        Finished();
        var progress = Run("$task | Save-VeoVideo").Progress;
        Assert.Contains(progress, p => p.Activity == "Saving Veo videos" && p.StatusDescription.Contains("saved"));
        Assert.Contains(progress, p => p.ParentActivityId == 1 && p.Activity.StartsWith("Task "));
        Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, progress.Last().RecordType);
    }

    [Fact]
    public void The_save_is_in_the_journal()
    {
        var task = Finished();
        var file = Run("$task | Save-VeoVideo").Single<VideoFile>();
        Assert.Equal(file.Path, Home.Journal.Tasks().Single(t => t.Task.Id == task.Id).SavedPath);
    }
}

public class SaveThrottleTests : PowerShellTest
{
    [Fact]
    public void Many_downloads_at_once_each_land_whole()
    {
        Run("$tasks = 'a', 'b', 'c', 'd', 'e', 'f' | New-VeoVideo | Wait-VeoVideo");
        Emulator.Faults.Add(new Fault(FaultKind.TruncateBody, PathContains: "/content", Times: 2));

        var result = Run("$tasks | Save-VeoVideo -Path out -ThrottleLimit 4");

        Assert.Empty(result.Errors);
        var files = result.Objects<VideoFile>();
        Assert.Equal(6, files.Count);
        Assert.All(files, f => Assert.Equal(new FileInfo(f.Path).Length, f.Length));
        Assert.Empty(Directory.GetFiles(Path.Combine(Home.Folder, "out"), "*.partial"));
    }

    [Fact]
    public void Two_videos_of_one_pipeline_never_share_a_file()
    {
        Run("$tasks = 'a', 'b' | New-VeoVideo | Wait-VeoVideo");
        var result = Run("$tasks | Save-VeoVideo -Path one.mp4 -Force");
        Assert.Single(result.Objects<VideoFile>());
        Assert.Contains("another video of this pipeline", Assert.Single(result.Errors).Exception.Message);
    }
}
