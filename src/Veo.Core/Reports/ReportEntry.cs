using Veo.Core.Media;
using Veo.Core.Tasks;

namespace Veo.Core.Reports;

/// <summary>
/// One line of a batch's review page: a video (or a task that made none, or a create whose outcome is unknown) with its
/// prompt, route, model, cost, the measured facts of its file and its status or failure reason.
/// </summary>
public sealed record ReportEntry
{
    public string TaskId { get; init; } = "";
    public string Route { get; init; } = "";
    public string Model { get; init; } = "";
    public string? Prompt { get; init; }
    public VideoTaskStatus? Status { get; init; }
    /// <summary>A create whose answer was lost: a video may have been made and billed that has no id here.</summary>
    public bool Uncertain { get; init; }
    public string? Error { get; init; }
    /// <summary>The service's own code for the failure, when it gave one.</summary>
    public string? ErrorCode { get; init; }
    public decimal? Cost { get; init; }
    /// <summary>The saved file, absolute; null when none was saved (or it is gone).</summary>
    public string? Path { get; init; }
    /// <summary>Measured from the MP4, in seconds.</summary>
    public double? Duration { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public bool? HasAudio { get; init; }
    public string? Batch { get; init; }
    public int? Row { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    public bool Failed => Status == VideoTaskStatus.Failed;

    /// <summary>What the page says of it, in a word: saved, failed, uncertain, or the task's status.</summary>
    public string State => Uncertain ? "uncertain" : Failed ? "failed" : Path is not null ? "saved" : (Status ?? VideoTaskStatus.Queued).ToString().ToLowerInvariant();

    public static ReportEntry Of(VideoFile file) => new()
    {
        TaskId = file.TaskId, Route = file.Route, Model = file.Model, Prompt = file.Prompt, Status = VideoTaskStatus.Completed, Cost = file.Cost,
        Path = file.Path, Duration = file.Duration, Width = file.Width, Height = file.Height, HasAudio = file.HasAudio,
        Batch = file.Batch, Row = file.Row, CreatedAt = file.CreatedAt, CompletedAt = file.CompletedAt,
    };

    /// <summary>A task, with the facts of its saved file read from the MP4 when the file is still there.</summary>
    public static ReportEntry Of(VideoTask task, string? savedPath)
    {
        var entry = new ReportEntry
        {
            TaskId = task.Id, Route = task.Route, Model = task.Model, Prompt = task.Prompt, Status = task.Status, Error = task.Error,
            ErrorCode = task.ErrorCode, Cost = task.EstimatedCost, Batch = task.Batch, Row = task.Row, CreatedAt = task.CreatedAt,
            CompletedAt = task.CompletedAt,
        };
        return savedPath is null ? entry : entry.Measured(savedPath);
    }

    /// <summary>A create sent whose outcome is unknown (see TaskJournal.UncertainCreates).</summary>
    public static ReportEntry Of(JournalEntry uncertainCreate) => new()
    {
        TaskId = uncertainCreate.IdHint ?? "", Route = uncertainCreate.Route ?? "", Model = uncertainCreate.Model ?? "", Prompt = uncertainCreate.Prompt,
        Uncertain = true, Cost = uncertainCreate.Cost, Batch = uncertainCreate.Batch, Row = uncertainCreate.Row, CreatedAt = uncertainCreate.At,
        Error = uncertainCreate.Error ?? "The create was sent but its answer never came (the process stopped first): a video may have been made and billed.",
    };

    private ReportEntry Measured(string path)
    {
        try
        {
            var info = Mp4Reader.ReadFile(path);
            return this with
            {
                Path = System.IO.Path.GetFullPath(path), Duration = Math.Round(info.Duration.TotalSeconds, 3), Width = info.Width, Height = info.Height,
                HasAudio = info.HasAudio,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidVideoException)
        {
            return this with { Error = $"The saved file '{path}' cannot be read: {e.Message}" };
        }
    }
}
