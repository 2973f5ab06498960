namespace Veo.Core.Media;

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
