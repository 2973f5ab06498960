// The byte-level reading the media readers share: integers in either byte order, four-character codes, short
// streams, and reading on forwards from bytes already taken.

namespace Veo.Core.Media;

/// <summary>MP4, PNG and JPEG store integers most significant byte first.</summary>
internal static class BigEndian
{
    public static ushort UInt16(byte[] bytes, int offset) =>
        (ushort)(bytes[offset] << 8 | bytes[offset + 1]);

    public static uint UInt32(byte[] bytes, int offset) =>
        (uint)(bytes[offset] << 24 | bytes[offset + 1] << 16 | bytes[offset + 2] << 8 | bytes[offset + 3]);

    public static ulong UInt64(byte[] bytes, int offset) =>
        (ulong)UInt32(bytes, offset) << 32 | UInt32(bytes, offset + 4);
}

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

/// <summary>Four-character codes name MP4 boxes, handlers and codecs.</summary>
internal static class FourCC
{
    /// <summary>Unprintable bytes become '.', so a garbage code can be quoted in a message as it is.</summary>
    public static string Read(byte[] bytes, int offset)
    {
        var chars = new char[4];
        for (var i = 0; i < 4; i++)
        {
            var b = bytes[offset + i];
            chars[i] = b is >= 0x20 and < 0x7F ? (char)b : '.';
        }

        return new string(chars);
    }
}

internal static class StreamReading
{
    /// <summary>Reads until <paramref name="count"/> bytes or the end of the stream, since one Read may return less.</summary>
    public static byte[] ReadUpTo(this Stream stream, int count)
    {
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = stream.Read(buffer, filled, count - filled);
            if (read == 0)
            {
                Array.Resize(ref buffer, filled);
                break;
            }

            filled += read;
        }

        return buffer;
    }
}

/// <summary>
/// Reads a stream forwards one byte or one skip at a time, starting with bytes already taken from it,
/// so a format can be sniffed from a header and then walked on without rewinding (the stream may not seek).
/// </summary>
internal sealed class ForwardByteReader
{
    private readonly byte[] alreadyRead;
    private readonly Stream rest;
    private int nextInAlreadyRead;

    public ForwardByteReader(byte[] alreadyRead, int startAt, Stream rest)
    {
        this.alreadyRead = alreadyRead;
        nextInAlreadyRead = startAt;
        this.rest = rest;
    }

    /// <summary>The next byte, or -1 at the end of the stream.</summary>
    public int ReadByte() =>
        nextInAlreadyRead < alreadyRead.Length ? alreadyRead[nextInAlreadyRead++] : rest.ReadByte();

    /// <summary>The next two bytes as a big-endian number, or -1 if the stream ends first.</summary>
    public int ReadUInt16BigEndian()
    {
        var high = ReadByte();
        var low = ReadByte();
        return high < 0 || low < 0 ? -1 : high << 8 | low;
    }

    /// <summary>Moves past <paramref name="count"/> bytes; false if the stream ends first.</summary>
    public bool Skip(int count)
    {
        var fromAlreadyRead = Math.Min(count, alreadyRead.Length - nextInAlreadyRead);
        nextInAlreadyRead += fromAlreadyRead;
        var remaining = count - fromAlreadyRead;
        if (remaining == 0)
        {
            return true;
        }

        if (rest.CanSeek)
        {
            rest.Seek(remaining, SeekOrigin.Current);
            return rest.Position <= rest.Length;
        }

        return rest.ReadUpTo(remaining).Length == remaining;
    }
}
