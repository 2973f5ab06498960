namespace Veo.Core.Batches;

/// <summary>
/// Which input row of New-VeoVideo a create is for (see /work/helpers/LEDGER.md, agreed with the spend report): the
/// batch the user named, the row's place in the input, the hash of what it asks for and its ordinal among identical rows.
/// Written on every journal line of the create, so a rerun of the same batch finds the row's task instead of paying again.
/// </summary>
public sealed record RowIdentity
{
    /// <summary>The user's -Batch name; null when none was given (then nothing is adopted on a rerun).</summary>
    public string? Batch { get; init; }

    /// <summary>1-based position in the input, for messages: row 17 ('A fox ...').</summary>
    public int Row { get; init; }

    /// <summary>Lowercase hex SHA-256 of the request's content (RowKeys).</summary>
    public string RowKey { get; init; } = "";

    /// <summary>1-based ordinal among the input's rows with the same <see cref="RowKey"/>: two identical rows are two videos.</summary>
    public int RowOrdinal { get; init; } = 1;
}
