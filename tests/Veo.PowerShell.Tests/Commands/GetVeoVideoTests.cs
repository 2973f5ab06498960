using Veo.Core.Tasks;
using Veo.Emulator;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

public class GetVeoVideoTests : PowerShellTest
{
    [Fact]
    public void After_a_crash_the_pending_tasks_are_waited_for_and_saved_exactly_once()
    {
        // A batch that "crashed" after creating three tasks and saving one of them.
        var created = Run("$created = 'a', 'b', 'c' | New-VeoVideo; $created").Objects<VideoTask>();
        Assert.Empty(Run("$created[0] | Wait-VeoVideo | Save-VeoVideo -Path out").Errors);

        var resumed = Run("Get-VeoVideo -State Pending | Wait-VeoVideo | Save-VeoVideo -Path out");

        Assert.Empty(resumed.Errors);
        Assert.Equal(new[] { created[1].Id, created[2].Id }.OrderBy(i => i), resumed.Objects<VideoFile>().Select(f => f.TaskId).OrderBy(i => i));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(Home.Folder, "out"), "*.mp4").Length);
        Assert.Empty(Run("Get-VeoVideo -State Pending").Output);
        Assert.Equal(3, Run("Get-VeoVideo -State Saved").Objects<VideoTask>().Count);
    }

    [Fact]
    public void Tasks_are_found_by_id_with_their_prompt_route_and_cost()
    {
        var task = Run("$task = New-VeoVideo 'find me' -Model Standard; $task").Single<VideoTask>();
        var found = Run("Get-VeoVideo -Id $task.Id").Single<VideoTask>();
        Assert.Equal((task.Id, "find me", "LaoZhang", 1.20m, Emulator.BaseUri), (found.Id, found.Prompt, found.Route, found.EstimatedCost, found.BaseUri));
    }

    [Fact]
    public void An_unknown_id_is_an_error_naming_the_journal()
    {
        var result = Run("Get-VeoVideo -Id task_nope");
        var error = Assert.Single(result.Errors);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains(Home.Journal.Path, error.Exception.Message);
    }

    [Fact]
    public void Failed_tasks_and_the_since_filter()
    {
        Emulator.Faults.Add(new Fault(FaultKind.FailTask));
        Run("New-VeoVideo fails | Wait-VeoVideo");
        var failed = Run("Get-VeoVideo -State Failed").Single<VideoTask>();
        Assert.Equal(VideoTaskStatus.Failed, failed.Status);
        Assert.Empty(Run("Get-VeoVideo -Since (Get-Date).AddMinutes(1)").Output);
        Assert.Single(Run("Get-VeoVideo -Since (Get-Date).AddMinutes(-5)").Output);
    }
}

public class UncertainCreateTests : PowerShellTest
{
    [Fact]
    public void A_create_sent_by_a_process_that_died_before_the_answer_is_reported_as_possibly_billed()
    {
        // What a process killed mid-create leaves behind: the line written before sending, and nothing after it.
        Home.Journal.Append(new JournalEntry
        {
            At = DateTimeOffset.UtcNow, Event = JournalEntry.CreateSent, Attempt = "a1", Route = "LaoZhang", Prompt = "interrupted", Cost = 0.30m,
        });
        Run("New-VeoVideo settled");

        var result = Run("Get-VeoVideo");

        Assert.Single(result.Objects<VideoTask>());
        var warning = Assert.Single(result.WarningMessages);
        Assert.Contains("1 create request(s) were sent but their outcome is unknown", warning);
        Assert.Contains("'interrupted' on LaoZhang", warning);
    }

    [Fact]
    public void Confirm_VeoCreate_marks_an_uncertain_create_checked_and_the_warning_stops()
    {
        Home.Journal.Append(new JournalEntry
        {
            At = DateTimeOffset.UtcNow, Event = JournalEntry.CreateSent, Attempt = "a1", Route = "LaoZhang", Prompt = "interrupted", Cost = 0.30m,
        });

        var preview = Run("Confirm-VeoCreate -WhatIf");
        Assert.Contains("'interrupted' on LaoZhang", Assert.Single(preview.HostLines));
        Assert.NotEmpty(Run("Get-VeoVideo").Warnings);

        var marked = Run("Confirm-VeoCreate a1").Single<JournalEntry>();
        Assert.Equal(("a1", "interrupted"), (marked.Attempt, marked.Prompt));
        Assert.Empty(Run("Get-VeoVideo").Warnings);
    }

    [Fact]
    public void Confirm_VeoCreate_with_an_attempt_id_that_is_not_uncertain_is_not_found()
    {
        var error = Assert.Single(Run("Confirm-VeoCreate nope").Errors);
        Assert.StartsWith("NotFound,", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void A_create_the_service_refused_is_settled_and_not_reported()
    {
        // A key the gateway refuses (401): nothing made. (A 500 in its envelope is sent again now: ResilienceTests.)
        Run($"Connect-Veo -Route LaoZhang -BaseUri '{Emulator.BaseUri}' -ApiKey (ConvertTo-SecureString wrong-key -AsPlainText -Force) | Out-Null");
        Assert.NotEmpty(Run("New-VeoVideo refused").AllErrorRecords());
        Assert.Single(Home.Journal.ReadAll(), e => e.Event == JournalEntry.CreateSent);
        Assert.Empty(Run("Get-VeoVideo").Warnings);
    }
}
