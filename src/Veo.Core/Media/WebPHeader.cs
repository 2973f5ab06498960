namespace Veo.Core.Media;

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
