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
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(JournalEntry))]
internal sealed partial class JournalJsonContext : JsonSerializerContext
{
}
