namespace Veo.Core.Models;

/// <summary>
/// What a model's extension of an earlier video may be (a model without these cannot extend). The figures and their
/// sources are in the catalog (models.json), beside the model they belong to. Like <see cref="ModelEntry"/>, every
/// public property is a property of the file.
/// </summary>
public sealed record ExtensionLimits
{
    /// <summary>Seconds one extension may add (and bill): Veo 3.1 adds exactly 7, Gemini Omni 3 to 10.</summary>
    public IReadOnlyList<int> AddedSeconds { get; init; } = Array.Empty<int>();

    /// <summary>Longest source video accepted.</summary>
    public int MaxSourceSeconds { get; init; }

    /// <summary>Longest video an extension may make (source + added); null when only the source is limited.</summary>
    public int? MaxTotalSeconds { get; init; }

    /// <summary>How many times a video may be extended; null when no count is stated (another limit ends the chain).</summary>
    public int? MaxExtensions { get; init; }

    /// <summary>The resolutions an extension is made at (and a source may have).</summary>
    public IReadOnlyList<string> Resolutions { get; init; } = Array.Empty<string>();

    /// <summary>Days the service keeps a video it made for extension; null when it keeps nothing the extension needs (Vertex AI is sent the video).</summary>
    public int? SourceLifetimeDays { get; init; }

    internal TimeSpan? SourceLifetime => SourceLifetimeDays is { } days ? TimeSpan.FromDays(days) : null;

    /// <summary>How a list view shows it: "adds 7 s at 720p; sources up to 141 s; 20 times; kept 2 days".</summary>
    public override string ToString()
    {
        var added = AddedSeconds.Count > 3 && AddedSeconds[AddedSeconds.Count - 1] - AddedSeconds[0] == AddedSeconds.Count - 1
            ? $"{AddedSeconds[0]}-{AddedSeconds[AddedSeconds.Count - 1]}" : string.Join(",", AddedSeconds);
        return $"adds {added} s at {string.Join(",", Resolutions)}; sources up to {MaxSourceSeconds} s"
            + (MaxTotalSeconds is { } total ? $", {total} s in all" : "")
            + (MaxExtensions is { } most ? $"; {most} times" : "")
            + (SourceLifetimeDays is { } days ? $"; kept {days} days" : "");
    }
}
