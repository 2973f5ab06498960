using System.Management.Automation;
using Veo.Core.Tasks;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Cancels running tasks on a route that has a cancel (the Interactions API: POST /v1/interactions/{id}/cancel) and
/// writes each as the service then reports it; the journal records the change, so Wait-VeoVideo sees it cancelled.
/// A finished task, or one on a route without a cancel, is a non-terminating error and the rest go on.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "VeoVideo", HelpUri = HelpLinks.Base + "Stop-VeoVideo.md", DefaultParameterSetName = TaskSet,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(VideoTask))]
public sealed class StopVeoVideoCommand : VeoTaskCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    public VideoTask[]? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId", "task_id")]
    [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
    public string[]? Id { get; set; }

    protected override VideoTask[]? InputTasksParameter => InputObject;
    protected override string[]? IdParameter => Id;

    protected override void ProcessRecord()
    {
        foreach (var task in InputTasks())
        {
            try
            {
                if (!ShouldProcess($"task {task.Id} on route {task.Route}", "Cancel the video (what the service already rendered may still be billed)")) continue;
                var provider = ProviderFor(task);
                Emit(Run(ct => Session.Engine.CancelAsync(task, provider, ct)));
            }
            catch (Exception e) when (!PowerShellFlow.Is(e))
            {
                Fail(e, task);
            }
        }
    }
}
