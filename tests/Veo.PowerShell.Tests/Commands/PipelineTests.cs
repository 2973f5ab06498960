using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>New-VeoVideo | Wait-VeoVideo | Save-VeoVideo through the real cmdlet classes against the emulator.</summary>
public class PipelineTests : CmdletTest
{
    [Fact]
    public void A_prompt_becomes_a_saved_valid_mp4()
    {
        var pipe = Pipe(new NewVeoVideoCommand { Prompt = "A lighthouse at dusk" }, new WaitVeoVideoCommand(), new SaveVeoVideoCommand { Path = "videos" }).Run();

        Assert.Empty(pipe.AllErrors);
        var file = Assert.IsType<VideoFile>(Assert.Single(pipe.Output));
        Assert.Equal(Path.Combine(Home.Folder, "videos", file.TaskId + ".mp4"), file.Path);
        Assert.True(File.Exists(file.Path));
        Assert.Equal((1280, 720, true), (file.Width, file.Height, file.HasAudio));
        Assert.Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(Math.Round(file.Duration.TotalSeconds)));
        Assert.Equal("A lighthouse at dusk", file.Prompt);
        Assert.Empty(Directory.GetFiles(Path.Combine(Home.Folder, "videos"), "*.partial"));
    }

    [Fact]
    public void Strings_from_the_pipeline_are_prompts_one_video_each()
    {
        var pipe = Pipe(new NewVeoVideoCommand(), new WaitVeoVideoCommand(), new SaveVeoVideoCommand()).Run("first", "second", "third");

        Assert.Empty(pipe.AllErrors);
        Assert.Equal(new[] { "first", "second", "third" }, pipe.Output.Cast<VideoFile>().Select(f => f.Prompt).OrderBy(p => p));
        Assert.Equal(3, CreateCalls);
    }

    [Fact]
    public void Csv_rows_bind_by_property_name_with_blank_cells_meaning_the_default()
    {
        var rows = new object[]
        {
            new Dictionary<string, object> { ["Prompt"] = "portrait city", ["Resolution"] = "1080p", ["AspectRatio"] = "9:16", ["Duration"] = "8", ["Model"] = "" },
            new Dictionary<string, object> { ["Prompt"] = "landscape sea", ["Resolution"] = "", ["AspectRatio"] = "", ["Duration"] = "", ["Model"] = "Standard" },
        };
        var pipe = Pipe(new NewVeoVideoCommand(), new WaitVeoVideoCommand(), new SaveVeoVideoCommand()).Run(rows);

        Assert.Empty(pipe.AllErrors);
        var files = pipe.Output.Cast<VideoFile>().ToDictionary(f => f.Prompt!);
        Assert.Equal((1080, 1920), (files["portrait city"].Width, files["portrait city"].Height));
        Assert.Equal((1280, 720), (files["landscape sea"].Width, files["landscape sea"].Height));
        Assert.Equal("veo-3.1-generate-preview", files["landscape sea"].Model);
        Assert.Equal("veo-3.1-fast-generate-preview", files["portrait city"].Model);
    }

    [Fact]
    public void Ids_from_a_csv_are_waited_for_and_saved()
    {
        var created = Pipe(new NewVeoVideoCommand()).Run("one", "two").Output.Cast<VideoTask>().ToList();
        var csvRows = created.Select(t => new Dictionary<string, object> { ["Id"] = t.Id, ["Route"] = "LaoZhang" }).ToArray<object>();

        var pipe = Pipe(new WaitVeoVideoCommand(), new SaveVeoVideoCommand { Path = "out" }).Run(csvRows);

        Assert.Empty(pipe.AllErrors);
        Assert.Equal(created.Select(t => t.Id).OrderBy(i => i), pipe.Output.Cast<VideoFile>().Select(f => f.TaskId).OrderBy(i => i));
        Assert.All(pipe.Output.Cast<VideoFile>(), f => Assert.Equal("LaoZhang", f.Route));
    }

    [Fact]
    public void Plain_id_strings_are_waited_for()
    {
        var task = (VideoTask)Pipe(new NewVeoVideoCommand()).Run("one").Output.Single();
        var pipe = Pipe(new WaitVeoVideoCommand()).Run(task.Id);
        Assert.Equal(VideoTaskStatus.Completed, Assert.IsType<VideoTask>(Assert.Single(pipe.Output)).Status);
    }

    [Fact]
    public void Images_from_Get_ChildItem_make_one_video_each()
    {
        var images = new[] { TestImages.Landscape720Png, TestImages.Landscape720Jpeg }.Select(p => new FileInfo(p)).ToArray<object>();
        var pipe = Pipe(new NewVeoVideoCommand { Prompt = "Animate gently" }, new WaitVeoVideoCommand(), new SaveVeoVideoCommand()).Run(images);

        Assert.Empty(pipe.AllErrors);
        Assert.Equal(2, pipe.Output.Count);
        var uploads = Emulator.Requests.Where(r => r.Method == "POST").Select(r => Assert.Single(r.Files).FileName).OrderBy(n => n);
        Assert.Equal(new[] { "frame-1280x720.jpg", "frame-1280x720.png" }, uploads);
    }

    [Fact]
    public void Wait_reports_progress_overall_and_per_task()
    {
        var pipe = Pipe(new NewVeoVideoCommand(), new WaitVeoVideoCommand()).Run("a", "b");
        var progress = pipe.Host(1).Progress;
        Assert.Contains(progress, p => p.ActivityId == 1 && p.Status.Contains("of 2 finished"));
        Assert.Contains(progress, p => p.ParentId == 1 && p.Activity.StartsWith("Task "));
        Assert.True(progress.Last().Completed);
    }
}

public class CompletionOrderTests : CmdletTest
{
    protected override EmulatorOptions EmulatorOptions => new() { ApiKey = TestHome.Key, QueueTime = TimeSpan.FromMilliseconds(100), RenderTime = TimeSpan.FromMilliseconds(1500), ContentLag = TimeSpan.Zero };

    [Fact]
    public void Wait_emits_tasks_in_the_order_they_finish_not_the_order_they_came()
    {
        var first = (VideoTask)Pipe(new NewVeoVideoCommand()).Run("made first").Output.Single();
        Thread.Sleep(700);
        var second = (VideoTask)Pipe(new NewVeoVideoCommand()).Run("made second").Output.Single();

        var pipe = Pipe(new WaitVeoVideoCommand()).Run(second, first);

        Assert.Equal(new[] { first.Id, second.Id }, pipe.Output.Cast<VideoTask>().Select(t => t.Id));
    }
}
