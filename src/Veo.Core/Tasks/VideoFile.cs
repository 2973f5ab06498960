namespace Veo.Core.Tasks;

/// <summary>
/// A saved, verified video and the story of how it was made, so <c>... | Save-VeoVideo | Export-Csv report.csv</c> is a
/// batch's report: the file's facts come from the MP4's own boxes (not from the request); the task's id, route, model,
/// prompt, row and cost come from the task. Its properties are what a person reads: seconds, not a TimeSpan.
/// </summary>
public sealed record VideoFile
{
    public string Path { get; init; } = "";
    public string Name => System.IO.Path.GetFileName(Path);
    public long Length { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    /// <summary>Measured seconds of video (the MP4's own duration), as New-VeoVideo -Duration counts them.</summary>
    public double Duration { get; init; }
    public bool HasAudio { get; init; }
    public string TaskId { get; init; } = "";
    /// <summary>Which of the task's videos this is, from 1: a Vertex AI task asked for several (-VideoCount) holds them all.</summary>
    public int Sample { get; init; } = 1;
    public string Route { get; init; } = "";
    public string Model { get; init; } = "";
    public string? Prompt { get; init; }
    public string Resolution => $"{Width}x{Height}";
    /// <summary>This video's share of its task's estimated cost (the task's cost over the videos it made); null when unpriced.</summary>
    public decimal? Cost { get; init; }
    /// <summary>The -Batch its task was created in, or null.</summary>
    public string? Batch { get; init; }
    /// <summary>The 1-based input row of New-VeoVideo that made it.</summary>
    public int? Row { get; init; }
    /// <summary>The row's content hash and ordinal among identical rows (see RowIdentity): what a rerun matches.</summary>
    public string? RowKey { get; init; }
    public int? RowOrdinal { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    public override string ToString() => Path;

    /// <summary>The story of <paramref name="task"/> told by one of its <paramref name="count"/> videos (the file's facts are set by the caller).</summary>
    public static VideoFile Of(VideoTask task, int sample = 1, int count = 1) => new()
    {
        TaskId = task.Id,
        Sample = sample,
        Route = task.Route,
        Model = task.Model,
        Prompt = task.Prompt,
        Cost = task.EstimatedCost is { } cost ? cost / Math.Max(1, count) : null,
        Batch = task.Batch,
        Row = task.Row,
        RowKey = task.RowKey,
        RowOrdinal = task.RowOrdinal,
        CreatedAt = task.CreatedAt,
        CompletedAt = task.CompletedAt,
    };
}
