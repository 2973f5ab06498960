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
public sealed class SaveVeoVideoCommand : VeoTaskCmdlet, IDisposable
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

    /// <summary>-ThrottleLimit bounds the downloads actually fetching; the saves waiting to try again (a cut-short body, a video not ready yet) wait outside it.</summary>
    private SemaphoreSlim? _slots;

    /// <summary>Saves started at once, most of them waiting: enough that a slot freed by a waiting save is taken at once.</summary>
    private const int SavesInFlight = 256;

    protected override void BeginProcessing()
    {
        _slots = new SemaphoreSlim(ThrottleLimit);
        _downloads = new ThrottledWork<SaveResult>(Math.Max(ThrottleLimit, SavesInFlight));
    }

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
                // A task of several videos (Vertex AI -VideoCount) says how many once it is read; one read from an id may not say yet.
                if (provider is Core.Providers.ISampledVideoProvider && ready.VideoCount is null) ready = Run(ct => Session.Engine.RefreshAsync(ready, provider, ct));
                if (ready.Filtered is { } filtered) WriteWarning($"Task {ready.Id}: {filtered}.");
                var count = Math.Max(1, ready.VideoCount ?? 1);
                for (var sample = 0; sample < count; sample++) StartSave(ready, provider, sample, count);
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

    /// <summary>Each video of a task is its own file and download: "id.mp4", or "id-1.mp4", "id-2.mp4"... for a task of several.</summary>
    private void StartSave(VideoTask ready, Core.Providers.IVideoProvider provider, int sample, int count)
    {
        var path = TargetPath(ready, sample, count);
        if (!_claimed.Add(path)) throw new IOException($"The file '{path}' already exists: another video of this pipeline is saved there. Give -Path a folder.");
        var what = count > 1 ? $"video {sample + 1} of {count} of task {ready.Id}" : $"the video of task {ready.Id}";
        if (!ShouldProcess(path, $"Save {what}")) return;
        var engine = Session.Engine;
        var target = new SaveTarget(ready, sample);
        var progress = new DownloadProgress(count > 1 ? $"{ready.Id} ({sample + 1} of {count})" : ready.Id);
        _progress[target.Key] = (OverallActivity + ++_started, progress);
        _downloads!.Start(target, ct => engine.SaveAsync(ready, provider, path, Force.IsPresent, Log, ct, progress, MaxSize > 0 ? MaxSize : null, sample, _slots), Cancellation);
    }

    private sealed record SaveTarget(VideoTask Task, int Sample)
    {
        public string Key => Task.Id + "#" + Sample.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
        var target = (SaveTarget)outcome.Target;
        if (_progress.TryGetValue(target.Key, out var shown))
        {
            _progress.Remove(target.Key);
            _saved++;
            WriteProgress(new ProgressRecord(shown.ActivityId, $"Task {shown.Progress.TaskId}", "Done") { ParentActivityId = OverallActivity, RecordType = ProgressRecordType.Completed });
        }
        if (outcome.Error is { } error)
        {
            Fail(error, target.Task);
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
    private string TargetPath(VideoTask task, int sample, int count)
    {
        var target = ResolvePath(string.IsNullOrWhiteSpace(Path) ? "." : Path!);
        var isFolder = Directory.Exists(target) || System.IO.Path.GetExtension(target).Length == 0
            || target.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal);
        if (!isFolder)
        {
            CreateFolder(System.IO.Path.GetDirectoryName(target)!);
            return count > 1 ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(target)!, TaskFileName.Numbered(System.IO.Path.GetFileName(target), sample)) : target;
        }
        CreateFolder(target);
        return System.IO.Path.Combine(target, TaskFileName.For(task.Id, sample, count));
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

    /// <summary>PowerShell disposes the cmdlet when the pipeline is done with it, also when Select-Object -First stopped it early: queued work must not start then.</summary>
    public void Dispose() => _downloads?.Dispose();
}
