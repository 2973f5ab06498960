// The header of each image format Veo accepts (PNG, JPEG, WebP): its signature, and where it keeps the size.

namespace Veo.Core.Media;

/// <summary>A PNG is its 8-byte signature followed by the IHDR chunk, whose first fields are width and height.</summary>
internal static class PngHeader
{
    public const int BytesNeeded = 24;

    private static readonly byte[] Signature = { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };

    public static bool HasSignature(byte[] header) =>
        header.Length >= Signature.Length && header.Take(Signature.Length).SequenceEqual(Signature);

    public static ImageInfo? Read(byte[] header)
    {
        if (header.Length < BytesNeeded || FourCC.Read(header, 12) != "IHDR")
        {
            return null;
        }

        var width = BigEndian.UInt32(header, 16);
        var height = BigEndian.UInt32(header, 20);
        return ImageSize.IsPlausible(width, height) ? new ImageInfo("image/png", (int)width, (int)height) : null;
    }
}

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

/// <summary>
/// A WebP is a RIFF file of form type WEBP whose first chunk says how to find the size:
/// <c>VP8 </c> (lossy), <c>VP8L</c> (lossless) or <c>VP8X</c> (extended: animation, alpha, metadata).
/// </summary>
internal static class WebPHeader
{
    public const int BytesNeeded = 30;

    private const int ChunkDataAt = 20;

    public static bool HasSignature(byte[] header) =>
        header.Length >= 12 && FourCC.Read(header, 0) == "RIFF" && FourCC.Read(header, 8) == "WEBP";

    public static ImageInfo? Read(byte[] header)
    {
        if (header.Length < BytesNeeded)
        {
            return null;
        }

        var size = FourCC.Read(header, 12) switch
        {
            "VP8 " => LossySize(header),
            "VP8L" => LosslessSize(header),
            "VP8X" => CanvasSize(header),
            _ => null,
        };
        return size is (int width, int height) && ImageSize.IsPlausible(width, height)
            ? new ImageInfo("image/webp", width, height)
            : null;
    }

    /// <summary>A VP8 key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height (2 bits of scaling above).</summary>
    private static (int, int)? LossySize(byte[] header)
    {
        var startCodeAt = ChunkDataAt + 3;
        if (header[startCodeAt] != 0x9D || header[startCodeAt + 1] != 0x01 || header[startCodeAt + 2] != 0x2A)
        {
            return null;
        }

        return (LittleEndian.UInt16(header, startCodeAt + 3) & 0x3FFF, LittleEndian.UInt16(header, startCodeAt + 5) & 0x3FFF);
    }

    /// <summary>VP8L: signature byte 0x2F, then width-1 and height-1 packed as two 14-bit fields.</summary>
    private static (int, int)? LosslessSize(byte[] header)
    {
        if (header[ChunkDataAt] != 0x2F)
        {
            return null;
        }

        var bits = LittleEndian.UInt32(header, ChunkDataAt + 1);
        return ((int)(bits & 0x3FFF) + 1, (int)(bits >> 14 & 0x3FFF) + 1);
    }

    /// <summary>VP8X: flags and reserved bytes, then canvas width-1 and height-1 as 24-bit fields.</summary>
    private static (int, int)? CanvasSize(byte[] header) =>
        (LittleEndian.UInt24(header, ChunkDataAt + 4) + 1, LittleEndian.UInt24(header, ChunkDataAt + 7) + 1);
}
