using System.Management.Automation;
using Veo.Core.Tasks;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Waits for many tasks at once: polling starts as each task arrives, and each is passed on the
/// moment it finishes (completion order), so Save-VeoVideo downloads while others still render.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "VeoVideo", DefaultParameterSetName = TaskSet)]
[OutputType(typeof(VideoTask))]
public sealed class WaitVeoVideoCommand : VeoTaskCmdlet
{
    private const int OverallActivity = 1;
    private TaskWaiter? _waiter;
    private readonly Dictionary<string, int> _activityIds = new(StringComparer.Ordinal);
    private int _finished;

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

    protected override void BeginProcessing()
    {
        var defaults = Session.Wait;
        _waiter = new TaskWaiter(Session.Engine, defaults with
        {
            Timeout = TimeSpan.FromSeconds(Timeout),
            PollInterval = PollInterval > 0 ? TimeSpan.FromSeconds(PollInterval) : defaults.PollInterval,
        }, Cancellation);
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
        catch (Exception e)
        {
            Fail(e, (object?)InputObject ?? Id);
        }
        while (_waiter!.TryTake(out var waitEvent)) Handle(waitEvent!);
    }

    protected override void EndProcessing()
    {
        foreach (var waitEvent in _waiter!.Drain(TimeSpan.FromMilliseconds(250)))
        {
            if (Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
            if (waitEvent is not null) Handle(waitEvent);
            Pump();
        }
        VeoHost.WriteProgress(new ProgressInfo(OverallActivity, "Waiting for Veo videos", "Done", 100, Completed: true));
        _waiter!.Dispose();
    }

    private void Handle(WaitEvent waitEvent)
    {
        var task = waitEvent.Task;
        var activity = _activityIds.TryGetValue(task.Id, out var a) ? a : OverallActivity + 1;
        if (waitEvent.Kind == WaitEventKind.Progress)
        {
            VeoHost.WriteProgress(new ProgressInfo(activity, $"Task {task.Id}", $"{task.Status} {task.Progress}%", task.Progress, OverallActivity));
            WriteOverall();
            return;
        }

        _finished++;
        VeoHost.WriteProgress(new ProgressInfo(activity, $"Task {task.Id}", task.Status.ToString(), 100, OverallActivity, Completed: true));
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
                Fail(new TimeoutException($"Task {task.Id} was still {task.Status} after {Timeout} s. It goes on on the server; run Wait-VeoVideo -Id {task.Id} again later."), task);
                break;
            default:
                Fail(waitEvent.Error ?? new InvalidOperationException($"Waiting for task {task.Id} failed."), task);
                break;
        }
    }

    private void WriteOverall()
    {
        var total = _activityIds.Count;
        VeoHost.WriteProgress(new ProgressInfo(OverallActivity, "Waiting for Veo videos", $"{_finished} of {total} finished", total == 0 ? 0 : 100 * _finished / total));
    }
}
