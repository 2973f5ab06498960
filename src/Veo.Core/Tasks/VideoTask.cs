using Veo.Core.Requests;

namespace Veo.Core.Tasks;

/// <summary>
/// A paid generation job: what flows through New-VeoVideo | Wait-VeoVideo | Save-VeoVideo.
/// Its property names are what the downstream cmdlets bind to, so a CSV with Id and Route
/// columns binds too. It names its route and base URI, never the key.
/// </summary>
public sealed record VideoTask
{
    public string Id { get; init; } = "";
    public string Route { get; init; } = "";
    public Uri? BaseUri { get; init; }
    public string Model { get; init; } = "";
    public VideoTaskStatus Status { get; init; }
    public int Progress { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? Error { get; init; }
    public string? ErrorCode { get; init; }
    public string? Prompt { get; init; }
    public VideoRequest? Request { get; init; }
    public decimal? EstimatedCost { get; init; }
    /// <summary>Where the finished video can be fetched, on dialects that hand out a URL.</summary>
    public string? VideoUrl { get; init; }
    /// <summary>How many videos the finished task holds (Vertex AI makes up to 4 per request); null until it is known.</summary>
    public int? VideoCount { get; init; }
    /// <summary>Why the service's safety filters removed some (or all) of the task's videos, when it says.</summary>
    public string? Filtered { get; init; }
    /// <summary>The -Batch the task was created in (New-VeoVideo -Batch), or null.</summary>
    public string? Batch { get; init; }
    /// <summary>The 1-based position of the input row that made it.</summary>
    public int? Row { get; init; }
    /// <summary>SHA-256 of the row's request content, which a rerun of the batch matches.</summary>
    public string? RowKey { get; init; }
    /// <summary>The row's 1-based ordinal among identical rows of its input.</summary>
    public int? RowOrdinal { get; init; }
    /// <summary>Where Save-VeoVideo put the task's video, as the journal remembers it (Get-VeoVideo); null until it was saved.</summary>
    public string? SavedPath { get; init; }

    public bool IsFinished => Status.IsFinished();

    /// <summary>Merges a fresh status from the server into what we already knew locally.</summary>
    public VideoTask Refresh(VideoTask fromServer) => this with
    {
        Status = fromServer.Status,
        Progress = fromServer.Status == VideoTaskStatus.Completed ? 100 : fromServer.Progress,
        CreatedAt = fromServer.CreatedAt ?? CreatedAt,
        CompletedAt = fromServer.CompletedAt ?? CompletedAt,
        Error = fromServer.Error,
        ErrorCode = fromServer.ErrorCode,
        Model = string.IsNullOrEmpty(fromServer.Model) ? Model : fromServer.Model,
        VideoUrl = fromServer.VideoUrl ?? VideoUrl,
        VideoCount = fromServer.VideoCount ?? VideoCount,
        Filtered = fromServer.Filtered ?? Filtered,
    };

    public override string ToString() => $"{Id} ({Status})";
}
