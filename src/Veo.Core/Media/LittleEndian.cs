namespace Veo.Core.Media;

/// <summary>RIFF containers such as WebP store integers least significant byte first.</summary>
internal static class LittleEndian
{
    public static int UInt16(byte[] bytes, int offset) =>
        bytes[offset] | bytes[offset + 1] << 8;

    public static int UInt24(byte[] bytes, int offset) =>
        bytes[offset] | bytes[offset + 1] << 8 | bytes[offset + 2] << 16;

    public static uint UInt32(byte[] bytes, int offset) =>
        (uint)(bytes[offset] | bytes[offset + 1] << 8 | bytes[offset + 2] << 16 | bytes[offset + 3] << 24);
}
