namespace Veo.Core.Media;

/// <summary>The parts of one <c>trak</c> box this engine cares about.</summary>
/// <param name="Handler">What the track carries: <c>vide</c>, <c>soun</c>, ...</param>
/// <param name="Duration">From the track's own <c>mdhd</c>; null when it does not say.</param>
/// <param name="SampleEntryType">The first <c>stsd</c> entry's code (the codec); null when there is none.</param>
internal sealed record Mp4Track(string Handler, int Width, int Height, TimeSpan? Duration, string? SampleEntryType);
