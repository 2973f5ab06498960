namespace Veo.Core.Media;

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
