using System.Text.Json.Serialization;
using Veo.Core.Requests;

namespace Veo.Core.Tasks;

/// <summary>One line of the journal: something that happened to a paid task.</summary>
public sealed record JournalEntry
{
    /// <summary>Written before a create is sent: if nothing follows it with the same Attempt, the outcome is unknown.</summary>
    public const string CreateSent = "create-sent";
    public const string Created = "created";
    /// <summary>The service refused the create for certain: nothing was made.</summary>
    public const string CreateRefused = "create-refused";
    public const string StatusChanged = "status";
    public const string Saved = "saved";
    /// <summary>A create was sent but its answer lost: a task may exist that Veo has no id for.</summary>
    public const string AmbiguousCreate = "ambiguous-create";
    /// <summary>The user checked an uncertain create (Confirm-VeoCreate): it is no longer warned about.</summary>
    public const string CreateChecked = "create-checked";
    /// <summary>The first line of a compacted live journal: a new head, so every reader sees the file was rewritten.</summary>
    public const string Compacted = "compacted";

    public DateTimeOffset At { get; init; }
    public string Event { get; init; } = "";
    public string? Id { get; init; }
    public string? Route { get; init; }
    public Uri? BaseUri { get; init; }
    public string? Model { get; init; }
    public VideoTaskStatus? Status { get; init; }
    public int? Progress { get; init; }
    public string? Prompt { get; init; }
    public decimal? Cost { get; init; }
    public string? Error { get; init; }
    public string? Path { get; init; }
    public VideoRequest? Request { get; init; }
    /// <summary>Ties a create-sent line to the line that settles it.</summary>
    public string? Attempt { get; init; }
    /// <summary>On an ambiguous create: the id-like value its answer held, which may be the task's id.</summary>
    public string? IdHint { get; init; }
    /// <summary>
    /// On a create-checked line: true when the user (Confirm-VeoCreate -Id) or a reconciliation found the task the create
    /// made (its <see cref="Id"/>), false when nothing was made (-NotCreated: the next run of the batch sends the row again),
    /// null when the user only said the create was looked at.
    /// </summary>
    public bool? Made { get; init; }
    /// <summary>
    /// The Veo session (one PowerShell runspace's Connect-Veo state, <see cref="Sessions.VeoSession.Id"/>) whose create this
    /// is, on the create-sent, created, create-refused and ambiguous-create lines the engine writes: what that session spent
    /// is the ledger's count of its own lines, never another runspace's or process's sharing the journal.
    /// </summary>
    public string? Session { get; init; }
    /// <summary>The -Batch the create belongs to (on create-sent, created, create-refused, ambiguous-create and create-checked lines).</summary>
    public string? Batch { get; init; }
    /// <summary>The row's 1-based position in its input.</summary>
    public int? Row { get; init; }
    /// <summary>SHA-256 of the row's request content (Batches.RowKeys).</summary>
    public string? RowKey { get; init; }
    /// <summary>The row's 1-based ordinal among identical rows of its input.</summary>
    public int? RowOrdinal { get; init; }

    /// <summary>This line with the row's identity, when there is one.</summary>
    public JournalEntry For(Batches.RowIdentity? row) =>
        row is null ? this : this with { Batch = row.Batch, Row = row.Row, RowKey = row.RowKey, RowOrdinal = row.RowOrdinal };

    /// <summary>The row identity the line carries, or null.</summary>
    public Batches.RowIdentity? RowIdentity() =>
        RowKey is null ? null : new Batches.RowIdentity { Batch = Batch, Row = Row ?? 0, RowKey = RowKey, RowOrdinal = RowOrdinal ?? 1 };
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(JournalEntry))]
internal sealed partial class JournalJsonContext : JsonSerializerContext
{
}
