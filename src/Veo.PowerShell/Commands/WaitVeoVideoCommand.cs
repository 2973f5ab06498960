using System.Management.Automation;
using Veo.Core.Tasks;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Waits for many tasks at once: polling starts as each task arrives, and each is passed on the
/// moment it finishes (completion order), so Save-VeoVideo downloads while others still render.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "VeoVideo", HelpUri = HelpLinks.Base + "Wait-VeoVideo.md", DefaultParameterSetName = TaskSet)]
[OutputType(typeof(VideoTask))]
public sealed class WaitVeoVideoCommand : VeoTaskCmdlet
{
    private const int OverallActivity = 1;
    private TaskWaiter? _waiter;
    private readonly Dictionary<string, int> _activityIds = new(StringComparer.Ordinal);
    private int _finished;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    public VideoTask[]? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId", "task_id")]
    [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
    public string[]? Id { get; set; }

    protected override VideoTask[]? InputTasksParameter => InputObject;
    protected override string[]? IdParameter => Id;

    /// <summary>Seconds to wait for each task before giving up on it (it goes on on the server).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Timeout { get; set; } = 1200;

    /// <summary>
    /// Seconds between polls of one task: the first comes a little early (jittered, so tasks don't poll in lock step),
    /// then exactly this often, so a finished task is seen within one interval.
    /// </summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollInterval { get; set; }

    /// <summary>Polls in flight at once across all the tasks (8 by default): the services rate-limit per key.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; }

    protected override void BeginProcessing()
    {
        var defaults = Session.Wait;
        _waiter = new TaskWaiter(Session.Engine, defaults with
        {
            Timeout = TimeSpan.FromSeconds(Timeout),
            PollInterval = PollInterval > 0 ? TimeSpan.FromSeconds(PollInterval) : defaults.PollInterval,
            MaxConcurrentPolls = ThrottleLimit > 0 ? ThrottleLimit : defaults.MaxConcurrentPolls,
        }, Cancellation, Log);
    }

    protected override void ProcessRecord()
    {
        try
        {
            foreach (var task in InputTasks())
            {
                _activityIds[task.Id] = OverallActivity + 1 + _activityIds.Count;
                _waiter!.Add(task, ProviderFor(task));
            }
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, InputTarget);
        }
        while (_waiter!.TryTake(out var waitEvent)) Handle(waitEvent!);
        Pump();
    }

    protected override void EndProcessing()
    {
        foreach (var waitEvent in _waiter!.Drain(TimeSpan.FromMilliseconds(250)))
        {
            if (Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
            if (waitEvent is not null) Handle(waitEvent);
            Pump();
        }
        WriteProgress(Progress(OverallActivity, "Waiting for Veo videos", "Done", 100, completed: true));
        _waiter!.Dispose();
    }

    private void Handle(WaitEvent waitEvent)
    {
        var task = waitEvent.Task;
        var activity = _activityIds.TryGetValue(task.Id, out var a) ? a : OverallActivity + 1;
        if (waitEvent.Kind == WaitEventKind.Progress)
        {
            WriteProgress(Progress(activity, $"Task {task.Id}", $"{task.Status} {task.Progress}%", task.Progress, OverallActivity));
            WriteOverall();
            return;
        }

        _finished++;
        WriteProgress(Progress(activity, $"Task {task.Id}", task.Status.ToString(), 100, OverallActivity, completed: true));
        WriteOverall();
        switch (waitEvent.Kind)
        {
            case WaitEventKind.Finished when task.Status == VideoTaskStatus.Completed:
                Emit(task);
                break;
            case WaitEventKind.Finished:
                Fail(new VideoTaskFailedException(task), task);
                break;
            case WaitEventKind.TimedOut:
                Fail(new WaitTimeoutException(task, Timeout), task);
                break;
            default:
                Fail(waitEvent.Error ?? new InvalidOperationException($"Waiting for task {task.Id} failed."), task);
                break;
        }
    }

    private static ProgressRecord Progress(int activityId, string activity, string status, int percent, int parentId = -1, bool completed = false) =>
        new(activityId, activity, status)
        {
            PercentComplete = Math.Max(0, Math.Min(100, percent)),
            ParentActivityId = parentId,
            RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };

    private void WriteOverall()
    {
        var total = _activityIds.Count;
        WriteProgress(Progress(OverallActivity, "Waiting for Veo videos", $"{_finished} of {total} finished", total == 0 ? 0 : 100 * _finished / total));
    }
}
