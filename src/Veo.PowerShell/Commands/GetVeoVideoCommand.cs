using System.Management.Automation;
using Veo.Core.Tasks;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Reads tasks back from the journal: by id, by state, since a date. After a crash,
/// Get-VeoVideo -State Pending | Wait-VeoVideo | Save-VeoVideo finishes what was started.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VeoVideo", HelpUri = HelpLinks.Base + "Get-VeoVideo.md")]
[OutputType(typeof(VideoTask))]
public sealed class GetVeoVideoCommand : VeoCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskId")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string[]? Id { get; set; }

    /// <summary>Pending: not failed and not saved yet (what a resume needs); or a status; or Saved.</summary>
    [Parameter]
    public TaskState State { get; set; } = TaskState.Any;

    [Parameter]
    public DateTime? Since { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Route { get; set; }

    private readonly List<string> _ids = new();

    protected override void ProcessRecord()
    {
        if (Id is not null) _ids.AddRange(Id.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()));
    }

    /// <summary>A create whose outcome is unknown may be a billed video without an id: say so wherever tasks are listed.</summary>
    private void WarnAboutUncertainCreates()
    {
        var uncertain = Session.Engine.Journal.UncertainCreates().Where(e => Since is null || e.At >= Since).ToList();
        if (uncertain.Count == 0) return;
        var prompts = string.Join("; ", uncertain.Take(5).Select(e => $"'{e.Prompt}' on {e.Route} at {e.At:u} (attempt {e.Attempt})"));
        WriteWarning($"{uncertain.Count} create request(s) were sent but their outcome is unknown (answer lost, or the process stopped first): " +
                     $"{prompts}{(uncertain.Count > 5 ? "; ..." : "")}. A video may have been made and billed; check the provider's console, " +
                     $"then run Confirm-VeoCreate -Attempt <attempt> -Id <task id> to take the task found, -NotCreated if there is none, or Confirm-VeoCreate alone to stop this warning. Journal: {Session.Engine.Journal.Path}");
    }

    /// <summary>The task with the file it was saved to, under a type name whose table shows that file beside the cost.</summary>
    private static PSObject Journaled(JournalTask entry)
    {
        var task = PSObject.AsPSObject(entry.SavedPath is null ? entry.Task : entry.Task with { SavedPath = entry.SavedPath });
        task.TypeNames.Insert(0, JournalViewType);
        return task;
    }

    /// <summary>Veo.format.ps1xml's view of a journaled task (Id, Status, Cost, Saved, Prompt).</summary>
    internal const string JournalViewType = "Veo.Core.Tasks.VideoTask#Journal";

    protected override void EndProcessing()
    {
        try
        {
            var query = new TaskQuery { Ids = _ids, State = State, Since = Since, Route = Route };
            var found = query.Run(Session.Engine.Journal).ToList();
            foreach (var entry in found) Emit(Journaled(entry));
            foreach (var missing in _ids.Except(found.Select(f => f.Task.Id), StringComparer.Ordinal))
                Fail(new KeyNotFoundException($"Task {missing} is not in the journal at {Session.Engine.Journal.Path}."), missing);
            WarnAboutUncertainCreates();
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Id);
        }
    }
}
