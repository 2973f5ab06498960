using System.Text;

namespace Veo.Core.Tests.Media;

internal static class Bytes
{
    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] UInt16BigEndian(int value) => new[] { (byte)(value >> 8), (byte)value };

    public static byte[] UInt32BigEndian(long value) =>
        new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };

    public static byte[] UInt64BigEndian(long value) =>
        Concat(UInt32BigEndian(value >> 32), UInt32BigEndian(value & 0xFFFFFFFF));

    public static byte[] UInt32LittleEndian(long value) =>
        new[] { (byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24) };

    public static byte[] Zeros(int count) => new byte[count];
}
