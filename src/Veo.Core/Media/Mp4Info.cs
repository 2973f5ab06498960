namespace Veo.Core.Media;

/// <summary>What an MP4 file holds, read from its headers without decoding any media.</summary>
/// <param name="Width">Display width of the video track, after any 90° rotation the file asks for.</param>
/// <param name="Height">Display height of the video track, after any 90° rotation the file asks for.</param>
/// <param name="Duration">Length of the movie; zero when the file does not say (a fragmented MP4).</param>
/// <param name="HasAudio">Whether the file has a sound track.</param>
/// <param name="MajorBrand">The <c>ftyp</c> major brand, such as <c>isom</c> or <c>mp42</c>.</param>
/// <param name="VideoCodec">The video sample entry's four-character code, such as <c>avc1</c> or <c>hvc1</c>.</param>
public sealed record Mp4Info(int Width, int Height, TimeSpan Duration, bool HasAudio, string MajorBrand, string VideoCodec);
