using Veo.Core.Tasks;
using Veo.Emulator;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

public class GetVeoVideoTests : CmdletTest
{
    [Fact]
    public void After_a_crash_the_pending_tasks_are_waited_for_and_saved_exactly_once()
    {
        // A batch that "crashed" after creating three tasks and saving one of them.
        var created = Pipe(new NewVeoVideoCommand()).Run("a", "b", "c").Output.Cast<VideoTask>().ToList();
        Pipe(new WaitVeoVideoCommand(), new SaveVeoVideoCommand { Path = "out" }).Run(created[0]);

        var resumed = Pipe(new GetVeoVideoCommand { State = TaskState.Pending }, new WaitVeoVideoCommand(), new SaveVeoVideoCommand { Path = "out" }).Run();

        Assert.Empty(resumed.AllErrors);
        Assert.Equal(new[] { created[1].Id, created[2].Id }.OrderBy(i => i), resumed.Output.Cast<VideoFile>().Select(f => f.TaskId).OrderBy(i => i));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(Home.Folder, "out"), "*.mp4").Length);
        Assert.Empty(Pipe(new GetVeoVideoCommand { State = TaskState.Pending }).Run().Output);
        Assert.Equal(3, Pipe(new GetVeoVideoCommand { State = TaskState.Saved }).Run().Output.Count);
    }

    [Fact]
    public void Tasks_are_found_by_id_with_their_prompt_route_and_cost()
    {
        var task = (VideoTask)Pipe(new NewVeoVideoCommand { Model = "Standard" }).Run("find me").Output.Single();
        var found = (VideoTask)Pipe(new GetVeoVideoCommand { Id = new[] { task.Id } }).Run().Output.Single();
        Assert.Equal((task.Id, "find me", "LaoZhang", 1.20m, Emulator.BaseUri), (found.Id, found.Prompt, found.Route, found.EstimatedCost, found.BaseUri));
    }

    [Fact]
    public void An_unknown_id_is_an_error_naming_the_journal()
    {
        var pipe = Pipe(new GetVeoVideoCommand { Id = new[] { "task_nope" } }).Run();
        Assert.Contains(Home.Journal.Path, Assert.Single(pipe.AllErrors).Exception.Message);
    }

    [Fact]
    public void Failed_tasks_and_the_since_filter()
    {
        Emulator.Faults.Add(new Fault(FaultKind.FailTask));
        Pipe(new NewVeoVideoCommand(), new WaitVeoVideoCommand()).Run("fails");
        var failed = (VideoTask)Pipe(new GetVeoVideoCommand { State = TaskState.Failed }).Run().Output.Single();
        Assert.Equal(VideoTaskStatus.Failed, failed.Status);
        Assert.Empty(Pipe(new GetVeoVideoCommand { Since = DateTime.UtcNow.AddMinutes(1) }).Run().Output);
        Assert.Single(Pipe(new GetVeoVideoCommand { Since = DateTime.UtcNow.AddMinutes(-5) }).Run().Output);
    }
}

public class UncertainCreateTests : CmdletTest
{
    [Fact]
    public void A_create_sent_by_a_process_that_died_before_the_answer_is_reported_as_possibly_billed()
    {
        // What a process killed mid-create leaves behind: the line written before sending, and nothing after it.
        Home.Journal.Append(new JournalEntry
        {
            At = DateTimeOffset.UtcNow, Event = JournalEntry.CreateSent, Attempt = "a1", Route = "LaoZhang", Prompt = "interrupted", Cost = 0.30m,
        });
        Pipe(new NewVeoVideoCommand()).Run("settled");

        var pipe = Pipe(new GetVeoVideoCommand()).Run();

        Assert.Single(pipe.Output);
        var warning = Assert.Single(pipe.Host(0).Warnings);
        Assert.Contains("1 create request(s) were sent but their outcome is unknown", warning);
        Assert.Contains("'interrupted' on LaoZhang", warning);
    }

    [Fact]
    public void A_create_the_service_refused_is_settled_and_not_reported()
    {
        Emulator.Faults.Add(new Fault(FaultKind.ServerError, PathContains: "/v1/videos") { StatusCode = 500 });
        Pipe(new NewVeoVideoCommand()).Run("refused");
        Assert.Empty(Pipe(new GetVeoVideoCommand()).Run().Host(0).Warnings);
    }
}
