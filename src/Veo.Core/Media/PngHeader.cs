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
