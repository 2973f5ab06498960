using Veo.Core.Requests;

namespace Veo.Core.Models;

/// <summary>Where a model is in its life: made today, announced to go, or gone.</summary>
public enum ModelStatus
{
    Live,
    /// <summary>Still served, with a date from which it is on its way out (warned once a session).</summary>
    Deprecated,
    /// <summary>No longer served: refused before any call, naming the replacement.</summary>
    ShutDown,
}

/// <summary>Whether a model's videos have sound.</summary>
public enum AudioSupport
{
    /// <summary>Every video has sound; it cannot be turned off.</summary>
    Always,
    /// <summary>Sound by default; -NoAudio asks for a silent video.</summary>
    Optional,
    /// <summary>The model makes silent videos only.</summary>
    None,
}

/// <summary>
/// One model as one route serves it: the catalog's entry and a Get-VeoModel row alike. Every property is a property of
/// the file (src/Veo.Core/Models/models.json, $env:VEO_HOME/models.json), so a row saved with ConvertTo-Json is an entry;
/// nothing computed is public here, or it would be written into the file too.
/// What belongs to the API rather than to a model (seed, personGeneration, compression...) is the route's
/// <see cref="Routes.RouteCapabilities"/>.
/// </summary>
public sealed record ModelEntry
{
    /// <summary>A built-in route's name or a registered gateway's.</summary>
    public string Route { get; init; } = "";

    /// <summary>The id the wire wants.</summary>
    public string Id { get; init; } = "";

    /// <summary>What the aliases pick (Fast, Standard, Lite) and the price book's model key.</summary>
    public string Family { get; init; } = "";

    /// <summary>The route's model when -Model is not given.</summary>
    public bool Default { get; init; }

    public ModelStatus Status { get; init; }
    public DateTime? DeprecatedOn { get; init; }
    public DateTime? ShutDownOn { get; init; }

    /// <summary>The id to use instead, on the same route.</summary>
    public string? Replacement { get; init; }

    public IReadOnlyList<GenerationMode> Modes { get; init; } = Array.Empty<GenerationMode>();
    public IReadOnlyList<int> Durations { get; init; } = Array.Empty<int>();
    public IReadOnlyList<string> Resolutions { get; init; } = Array.Empty<string>();

    /// <summary>Resolutions made only as an 8-second video (Veo 3.1: 1080p and 4k).</summary>
    public IReadOnlyList<string> EightSecondsOnly { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> AspectRatios { get; init; } = Array.Empty<string>();
    public AudioSupport Audio { get; init; }

    /// <summary>How many reference images a request may carry; 0 when the model takes none.</summary>
    public int MaxReferenceImages { get; init; }

    /// <summary>How the model extends a video it made; null when it cannot.</summary>
    public ExtensionLimits? Extension { get; init; }

    /// <summary>Where these facts come from (page or file, and its date).</summary>
    public string Source { get; init; } = "";

    /// <summary>When they were read.</summary>
    public DateTime AsOf { get; init; }

    public string? Note { get; init; }

    public bool Supports(GenerationMode mode) => Modes.Contains(mode);

    /// <summary>Whether the model makes a video of this length at this resolution (1080p and 4k only at 8 s on Veo 3.1).</summary>
    public bool Makes(int seconds, string resolution) =>
        Durations.Contains(seconds) && Resolutions.Contains(resolution) && (seconds == 8 || !EightSecondsOnly.Contains(resolution));

    /// <summary>
    /// A copy that shares nothing with this one. PowerShell sets init-only properties and array items of the objects it
    /// is given, so a row handed to a user (Get-VeoModel, to edit and save as models.json) must not be the catalog's own.
    /// </summary>
    public ModelEntry Copy() => this with
    {
        Modes = Modes.ToArray(), Durations = Durations.ToArray(), Resolutions = Resolutions.ToArray(),
        EightSecondsOnly = EightSecondsOnly.ToArray(), AspectRatios = AspectRatios.ToArray(),
        Extension = Extension is null ? null : Extension with { AddedSeconds = Extension.AddedSeconds.ToArray(), Resolutions = Extension.Resolutions.ToArray() },
    };

    public override string ToString() => $"{Route} {Id} ({Status})";
}
