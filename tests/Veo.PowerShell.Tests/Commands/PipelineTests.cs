using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>New-VeoVideo | Wait-VeoVideo | Save-VeoVideo as users write it, against the emulator.</summary>
public class PipelineTests : PowerShellTest
{
    [Fact]
    public void A_prompt_becomes_a_saved_valid_mp4()
    {
        var result = Run("New-VeoVideo -Prompt 'A lighthouse at dusk' | Wait-VeoVideo | Save-VeoVideo -Path videos");

        Assert.Empty(result.Errors);
        var file = result.Single<VideoFile>();
        Assert.Equal(Path.Combine(Home.Folder, "videos", file.TaskId + ".mp4"), file.Path);
        Assert.True(File.Exists(file.Path));
        Assert.Equal((1280, 720, true), (file.Width, file.Height, file.HasAudio));
        // The default request is 8 seconds, and so is the video (the emulator served a 1-second one before issue 14 item 10).
        Assert.Equal(8, Math.Round(file.Duration));
        Assert.Empty(result.Warnings);
        Assert.Equal("A lighthouse at dusk", file.Prompt);
        Assert.Empty(Directory.GetFiles(Path.Combine(Home.Folder, "videos"), "*.partial"));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void A_shorter_video_is_as_long_as_asked(int seconds)
    {
        var result = Run($"New-VeoVideo 'A short one' -Duration {seconds} | Wait-VeoVideo | Save-VeoVideo");

        Assert.Empty(result.Warnings);
        Assert.Equal(seconds, result.Single<VideoFile>().Duration, 0.1);
    }

    [Fact]
    public void Strings_from_the_pipeline_are_prompts_one_video_each()
    {
        var result = Run("'first', 'second', 'third' | New-VeoVideo | Wait-VeoVideo | Save-VeoVideo");

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "first", "second", "third" }, result.Objects<VideoFile>().Select(f => f.Prompt).OrderBy(p => p));
        Assert.Equal(3, CreateCalls);
    }

    [Fact]
    public void Csv_rows_bind_by_property_name_with_blank_cells_meaning_the_default()
    {
        File.WriteAllText(Home.PathOf("prompts.csv"), """
            Prompt,Resolution,AspectRatio,Duration,Model
            portrait city,1080p,9:16,8,
            landscape sea,,,,Standard
            """);
        var result = Run("Import-Csv prompts.csv | New-VeoVideo | Wait-VeoVideo | Save-VeoVideo");

        Assert.Empty(result.Errors);
        var files = result.Objects<VideoFile>().ToDictionary(f => f.Prompt!);
        Assert.Equal((1080, 1920), (files["portrait city"].Width, files["portrait city"].Height));
        Assert.Equal((1280, 720), (files["landscape sea"].Width, files["landscape sea"].Height));
        Assert.Equal("veo-3.1-generate-preview", files["landscape sea"].Model);
        Assert.Equal("veo-3.1-fast-generate-preview", files["portrait city"].Model);
    }

    [Fact]
    public void Blank_Seed_and_BaseUri_cells_mean_no_seed_and_the_sessions_address()
    {
        File.WriteAllText(Home.PathOf("prompts.csv"), """
            Prompt,Seed,BaseUri
            seeded,42,
            unseeded,,
            """);
        var result = Run("Import-Csv prompts.csv | New-VeoVideo");

        Assert.Empty(result.Errors);
        var tasks = result.Objects<VideoTask>().ToDictionary(t => t.Prompt!);
        Assert.Equal(42, tasks["seeded"].Request!.Seed);
        Assert.Null(tasks["unseeded"].Request!.Seed);
        Assert.All(tasks.Values, t => Assert.Equal(Emulator.BaseUri, t.BaseUri));
    }

    [Fact]
    public void Ids_from_a_csv_are_waited_for_and_saved()
    {
        var created = Run("$created = 'one', 'two' | New-VeoVideo; $created | Select-Object Id, Route | Export-Csv ids.csv; $created").Objects<VideoTask>();

        var result = Run("Import-Csv ids.csv | Wait-VeoVideo | Save-VeoVideo -Path out");

        Assert.Empty(result.Errors);
        Assert.Equal(created.Select(t => t.Id).OrderBy(i => i), result.Objects<VideoFile>().Select(f => f.TaskId).OrderBy(i => i));
        Assert.All(result.Objects<VideoFile>(), f => Assert.Equal("LaoZhang", f.Route));
    }

    [Fact]
    public void Plain_id_strings_are_waited_for()
    {
        Run("$task = New-VeoVideo one");
        var result = Run("$task.Id | Wait-VeoVideo");
        Assert.Equal(VideoTaskStatus.Completed, result.Single<VideoTask>().Status);
    }

    [Fact]
    public void Images_from_Get_ChildItem_make_one_video_each()
    {
        Directory.CreateDirectory(Home.PathOf("frames"));
        foreach (var image in new[] { TestImages.Landscape720Png, TestImages.Landscape720Jpeg })
            File.Copy(image, Path.Combine(Home.PathOf("frames"), Path.GetFileName(image)));

        var result = Run("Get-ChildItem ./frames | New-VeoVideo -Prompt 'Animate gently' | Wait-VeoVideo | Save-VeoVideo");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Objects<VideoFile>().Count);
        var uploads = Emulator.Requests.Where(r => r.Method == "POST").Select(r => Assert.Single(r.Files).FileName).OrderBy(n => n);
        Assert.Equal(new[] { "frame-1280x720.jpg", "frame-1280x720.png" }, uploads);
    }

    [Fact]
    public void An_object_with_no_prompt_is_refused_as_its_row_not_made_into_a_video()
    {
        var result = Run("[pscustomobject]@{ Colour = 'blue' } | New-VeoVideo");
        var error = Assert.Single(result.AllErrorRecords());
        Assert.IsType<Veo.Core.Requests.RequestValidationException>(error.Exception);
        Assert.StartsWith("Row 1 (''): A PSCustomObject is not a prompt", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void A_folder_given_by_position_is_where_the_videos_go()
    {
        var result = Run("New-VeoVideo p | Wait-VeoVideo | Save-VeoVideo ./videos");
        Assert.Empty(result.AllErrorRecords());
        Assert.StartsWith(Home.PathOf("videos"), result.Single<VideoFile>().Path);
    }

    [Fact]
    public void Select_Object_First_stops_the_batch_quietly()
    {
        var result = Run("'a', 'b', 'c' | New-VeoVideo | Select-Object -First 1");
        Assert.Empty(result.AllErrorRecords());
        Assert.Single(result.Objects<VideoTask>());
        Assert.Equal(1, CreateCalls);
    }

    [Fact]
    public void Wait_reports_progress_overall_and_per_task()
    {
        var progress = Run("'a', 'b' | New-VeoVideo | Wait-VeoVideo").Progress;
        Assert.Contains(progress, p => p.ActivityId == 1 && p.StatusDescription.Contains("of 2 finished"));
        Assert.Contains(progress, p => p.ParentActivityId == 1 && p.Activity.StartsWith("Task "));
        Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, progress.Last().RecordType);
    }
}

public class CompletionOrderTests : PowerShellTest
{
    protected override EmulatorOptions EmulatorOptions => new() { ApiKey = TestHome.Key, QueueTime = TimeSpan.FromMilliseconds(100), RenderTime = TimeSpan.FromMilliseconds(2500), ContentLag = TimeSpan.Zero };

    [Fact]
    public void Wait_emits_tasks_in_the_order_they_finish_not_the_order_they_came()
    {
        var first = Run("$first = New-VeoVideo 'made first'; $first").Single<VideoTask>();
        var second = Run("$second = New-VeoVideo 'made second'; $second").Single<VideoTask>();
        // The second task's polls are answered 1.5 s late, so it is seen finished well after the first, whatever the jitter.
        Emulator.Faults.Add(new Veo.Emulator.Fault(Veo.Emulator.FaultKind.Latency, PathContains: second.Id, Times: 20) { Delay = TimeSpan.FromMilliseconds(1500) });

        var result = Run("$second, $first | Wait-VeoVideo");

        Assert.Equal(new[] { first.Id, second.Id }, result.Objects<VideoTask>().Select(t => t.Id));
    }
}
