using System.Management.Automation;
using Veo.Core.Tasks;
using Veo.PowerShell.Binding;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Downloads finished videos: streamed to a .partial file, checked as a whole MP4, then renamed.
/// -Path is a folder (file named after the task id) or, for a single video, a file path.
/// </summary>
[Cmdlet(VerbsData.Save, "VeoVideo", HelpUri = HelpLinks.Base + "Save-VeoVideo.md", DefaultParameterSetName = TaskSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(VideoFile))]
public sealed class SaveVeoVideoCommand : VeoTaskCmdlet
{
    /// <summary>The first positional parameter, so $tasks | Save-VeoVideo ./videos saves there.</summary>
    [Parameter(Position = 0)]
    [Alias("Destination", "OutFile")]
    [NotATask]
    public string? Path { get; set; }

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    public VideoTask[]? InputObject { get; set; }

    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId", "task_id")]
    [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
    public string[]? Id { get; set; }

    /// <summary>Overwrite an existing file; without it an existing file is an error and is left alone.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override VideoTask[]? InputTasksParameter => InputObject;
    protected override string[]? IdParameter => Id;

    /// <summary>The largest video accepted, in bytes (2 GiB by default): a server that announces or sends more is stopped.</summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    public long MaxSize { get; set; }

    /// <summary>How many videos download at once.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    private ThrottledWork<SaveResult>? _downloads;
    private readonly HashSet<string> _claimed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (int ActivityId, DownloadProgress Progress)> _progress = new(StringComparer.Ordinal);
    private const int OverallActivity = 1;

    protected override void BeginProcessing() => _downloads = new ThrottledWork<SaveResult>(ThrottleLimit);

    protected override void ProcessRecord()
    {
        foreach (var task in SafeInputTasks())
        {
            try
            {
                var provider = ProviderFor(task);
                var ready = task.Status == VideoTaskStatus.Completed ? task : Run(ct => Session.Engine.RefreshAsync(task, provider, ct));
                if (ready.Status != VideoTaskStatus.Completed)
                {
                    Fail(ready.Status == VideoTaskStatus.Failed ? new VideoTaskFailedException(ready) : new VideoNotFinishedException(ready), ready);
                    continue;
                }
                var path = TargetPath(ready);
                if (!_claimed.Add(path)) throw new IOException($"The file '{path}' already exists: another video of this pipeline is saved there. Give -Path a folder.");
                if (!ShouldProcess(path, $"Save the video of task {ready.Id}")) continue;
                var engine = Session.Engine;
                var progress = new DownloadProgress(ready.Id);
                _progress[ready.Id] = (OverallActivity + ++_started, progress);
                _downloads!.Start(ready, ct => engine.SaveAsync(ready, provider, path, Force.IsPresent, Log, ct, progress, MaxSize > 0 ? MaxSize : null), Cancellation);
            }
            catch (Exception e) when (!PowerShellFlow.Is(e))
            {
                Fail(e, task);
            }
        }
        foreach (var outcome in _downloads!.Finished()) Report(outcome);
        ShowProgress();
    }

    protected override void EndProcessing()
    {
        foreach (var outcome in _downloads!.All(TimeSpan.FromMilliseconds(250)))
        {
            if (Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
            if (outcome is not null) Report(outcome);
            Pump();
            ShowProgress();
        }
        if (_started > 0) WriteProgress(new ProgressRecord(OverallActivity, "Saving Veo videos", "Done") { RecordType = ProgressRecordType.Completed });
        _downloads.Dispose();
    }

    /// <summary>One bar per download in flight (bytes and speed: the size is not known ahead), under one overall bar.</summary>
    private void ShowProgress()
    {
        if (_started == 0) return;
        long total = 0;
        foreach (var (activityId, progress) in _progress.Values)
        {
            total += progress.Bytes;
            WriteProgress(new ProgressRecord(activityId, $"Task {progress.TaskId}", $"{Megabytes(progress.Bytes)} at {Megabytes((long)progress.BytesPerSecond)}/s")
            {
                ParentActivityId = OverallActivity,
            });
        }
        WriteProgress(new ProgressRecord(OverallActivity, "Saving Veo videos", $"{_saved} of {_started} saved, {Megabytes(total)} downloading")
        {
            PercentComplete = 100 * _saved / _started,
        });
    }

    private int _started;
    private int _saved;

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB";

    private void Report(ThrottledWork<SaveResult>.Outcome outcome)
    {
        var task = (VideoTask)outcome.Target;
        if (_progress.TryGetValue(task.Id, out var shown))
        {
            _progress.Remove(task.Id);
            _saved++;
            WriteProgress(new ProgressRecord(shown.ActivityId, $"Task {task.Id}", "Done") { ParentActivityId = OverallActivity, RecordType = ProgressRecordType.Completed });
        }
        if (outcome.Error is { } error)
        {
            Fail(error, outcome.Target);
            return;
        }
        Pump();
        foreach (var warning in outcome.Result!.Warnings) WriteWarning(warning);
        Emit(outcome.Result.File);
    }

    private IEnumerable<VideoTask> SafeInputTasks()
    {
        try
        {
            return InputTasks().ToList();
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, InputTarget);
            return Array.Empty<VideoTask>();
        }
    }

    /// <summary>A folder (existing, or written without an extension) gets "taskid.mp4"; anything else is the file itself.</summary>
    private string TargetPath(VideoTask task)
    {
        var target = ResolvePath(string.IsNullOrWhiteSpace(Path) ? "." : Path!);
        var isFolder = Directory.Exists(target) || System.IO.Path.GetExtension(target).Length == 0
            || target.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal);
        if (!isFolder)
        {
            CreateFolder(System.IO.Path.GetDirectoryName(target)!);
            return target;
        }
        CreateFolder(target);
        return System.IO.Path.Combine(target, TaskFileName.For(task.Id));
    }

    /// <summary>.NET says "Could not find file '/proc/x'" for a folder it cannot make; say which folder and why, at once.</summary>
    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new IOException($"The folder '{folder}' to save into cannot be created ({e.GetType().Name}: {e.Message}). Give -Path a folder you can write to.", e);
        }
    }
}
