namespace Veo.Core.Media;

/// <summary>The parts of a <c>moov</c> box this engine cares about.</summary>
/// <param name="Duration">From <c>mvhd</c>; null when it does not say (zero or all ones).</param>
internal sealed record Mp4Movie(TimeSpan? Duration, IReadOnlyList<Mp4Track> Tracks);
