using Veo.Core.Requests;

namespace Veo.PowerShell.Commands;

/// <summary>
/// The TargetObject of New-VeoVideo's error about a row: what the row asked, on which route, so the row is sent again
/// as it was with <c>$err.TargetObject | New-VeoVideo</c> (Prompt, Route and Request bind by property name).
/// </summary>
public sealed record RowRequest
{
    /// <summary>The row's 1-based position in its input.</summary>
    public int Row { get; init; }
    public string Prompt { get; init; } = "";
    /// <summary>The route the row was for; null when the error came before a route was chosen.</summary>
    public string? Route { get; init; }
    public VideoRequest? Request { get; init; }
    public string? Batch { get; init; }

    public override string ToString() => Request?.ToString() ?? Prompt;
}
