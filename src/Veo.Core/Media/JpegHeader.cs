namespace Veo.Core.Media;

/// <summary>
/// A JPEG is a series of marker segments; the size is in the first start-of-frame (SOFn) segment, which may follow
/// any number of application segments (EXIF, ICC profiles, ...) that are skipped by their length.
/// </summary>
internal static class JpegHeader
{
    private const int StartOfImage = 0xD8;
    private const int EndOfImage = 0xD9;
    private const int StartOfScan = 0xDA;

    public static bool HasSignature(byte[] header) =>
        header.Length >= 3 && header[0] == 0xFF && header[1] == StartOfImage && header[2] == 0xFF;

    /// <summary>Walks the segments after the start-of-image marker; null when a frame header cannot be found.</summary>
    public static ImageInfo? Read(ForwardByteReader segments)
    {
        while (true)
        {
            if (segments.ReadByte() != 0xFF)
            {
                return null;
            }

            int marker;
            do
            {
                // Any number of 0xFF fill bytes may precede a marker.
                marker = segments.ReadByte();
            }
            while (marker == 0xFF);

            if (HasNoSegment(marker))
            {
                continue;
            }

            if (marker is < 0 or EndOfImage or StartOfScan)
            {
                // Image data (or the end) with no frame header before it.
                return null;
            }

            var length = segments.ReadUInt16BigEndian();
            if (length < 2)
            {
                return null;
            }

            if (IsStartOfFrame(marker))
            {
                return ReadFrameSize(segments);
            }

            if (!segments.Skip(length - 2))
            {
                return null;
            }
        }
    }

    /// <summary>SOF0–SOF15 hold the frame size, except C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding).</summary>
    private static bool IsStartOfFrame(int marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    /// <summary>TEM, restart markers and a repeated start-of-image stand alone, with no length after them.</summary>
    private static bool HasNoSegment(int marker) =>
        marker is 0x01 or (>= 0xD0 and <= 0xD7) or StartOfImage;

    private static ImageInfo? ReadFrameSize(ForwardByteReader frame)
    {
        var precision = frame.ReadByte();
        var height = frame.ReadUInt16BigEndian();
        var width = frame.ReadUInt16BigEndian();

        // A height of zero is legal but means "given later, after the image data", which a sniff does not reach.
        return precision >= 0 && ImageSize.IsPlausible(width, height) ? new ImageInfo("image/jpeg", width, height) : null;
    }
}
