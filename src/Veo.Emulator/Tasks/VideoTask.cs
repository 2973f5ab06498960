using System.Text.Json.Nodes;

namespace Veo.Emulator;

internal enum EmulatedApi { OpenAIVideos, UnifiedVideo, Gemini, Vertex, Interactions }

/// <summary>Cancelled: stopped by the client before it finished (only the Interactions API has a cancel).</summary>
internal enum TaskPhase { Queued, InProgress, Completed, Failed, Cancelled }

internal sealed record TaskFailure(string Message);

/// <summary>Where a task stands at one instant. ChangedAt is when it entered its phase.</summary>
internal sealed record TaskState(TaskPhase Phase, int Progress, DateTimeOffset ChangedAt, bool ContentReady);

/// <summary>What a dialect asks the store to create, once the request passed validation.</summary>
internal sealed record TaskOrder(EmulatedApi Api, string Id, string Model, string Prompt, VideoFixture Fixture)
{
    /// <summary>The request as the unified dialect echoes it in "detail".</summary>
    public JsonObject? RequestEcho { get; init; }

    /// <summary>The id of the file Gemini serves the video as.</summary>
    public string? FileId { get; init; }

    /// <summary>A Vertex AI task's project, location, sample count, sound and storage.</summary>
    public VertexOrder? Vertex { get; init; }

    /// <summary>An Interactions task's delivery, task and the interaction it continues.</summary>
    public InteractionOrder? Interaction { get; init; }
}

/// <summary>A task in memory. Its state is a pure function of the clock, so tests step through it exactly.</summary>
internal sealed class VideoTask(TaskOrder order, DateTimeOffset createdAt, TimeSpan queueTime, TimeSpan renderTime,
    TimeSpan contentLag, TaskFailure? failure)
{
    public TaskOrder Order { get; } = order;

    public string Id => Order.Id;

    public string Model => Order.Model;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>When the task completes or fails.</summary>
    public DateTimeOffset FinishedAt { get; } = createdAt + renderTime;

    public TaskFailure? Failure { get; } = failure;

    private long cancelledAtTicks = long.MaxValue;

    /// <summary>When the client cancelled it; null if it never was.</summary>
    public DateTimeOffset? CancelledAt
    {
        get
        {
            var ticks = Interlocked.Read(ref cancelledAtTicks);
            return ticks == long.MaxValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Stops a task that has not finished at <paramref name="now"/>; false when it had (or was cancelled before).</summary>
    public bool Cancel(DateTimeOffset now) =>
        now < FinishedAt && Interlocked.CompareExchange(ref cancelledAtTicks, now.UtcTicks, long.MaxValue) == long.MaxValue;

    public TaskState StateAt(DateTimeOffset now)
    {
        if (CancelledAt is { } cancelled && now >= cancelled) return new TaskState(TaskPhase.Cancelled, 0, cancelled, false);
        var startedAt = CreatedAt + queueTime;
        if (now >= FinishedAt)
        {
            return Failure is null
                ? new TaskState(TaskPhase.Completed, 100, FinishedAt, now >= FinishedAt + contentLag)
                : new TaskState(TaskPhase.Failed, 100, FinishedAt, false);
        }
        if (now < startedAt) return new TaskState(TaskPhase.Queued, 0, CreatedAt, false);

        // Linear while rendering, in integer ticks so whole steps give whole percentages; 100 is kept for completed.
        var percent = (now - startedAt).Ticks * 100 / (FinishedAt - startedAt).Ticks;
        return new TaskState(TaskPhase.InProgress, (int)Math.Max(0, Math.Min(percent, 99)), startedAt, false);
    }
}
