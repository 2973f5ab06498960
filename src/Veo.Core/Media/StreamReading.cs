namespace Veo.Core.Media;

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
