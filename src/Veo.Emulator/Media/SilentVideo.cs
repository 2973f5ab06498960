using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Veo.Emulator;

/// <summary>
/// A fixture without its audio track, as Vertex AI renders a video asked for with generateAudio: false. The sound
/// 'trak' box in moov becomes a 'free' box of the same size (ISO/IEC 14496-12 lets 'free' stand anywhere and readers
/// skip it), so the file keeps every byte offset its video samples are found by and still plays, with one track.
/// </summary>
internal static class SilentVideo
{
    private static readonly ConcurrentDictionary<string, byte[]> Made = new();

    public static byte[] Of(VideoFixture fixture) => Made.GetOrAdd(fixture.ResourceName, _ =>
    {
        using var stream = fixture.OpenWithSound();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return WithoutSound(copy.ToArray());
    });

    /// <summary>The same MP4 with every sound track's trak box renamed to 'free'.</summary>
    public static byte[] WithoutSound(byte[] mp4)
    {
        var bytes = (byte[])mp4.Clone();
        foreach (var (start, size) in Boxes(bytes, 0, bytes.Length).Where(b => Type(bytes, b.Start) == "moov"))
        {
            foreach (var trak in Boxes(bytes, start + 8, start + size).Where(b => Type(bytes, b.Start) == "trak"))
            {
                if (IsSound(bytes, trak.Start, trak.Size)) "free"u8.CopyTo(bytes.AsSpan(trak.Start + 4, 4));
            }
        }
        return bytes;
    }

    private static bool IsSound(byte[] bytes, int trakStart, int trakSize)
    {
        foreach (var mdia in Boxes(bytes, trakStart + 8, trakStart + trakSize).Where(b => Type(bytes, b.Start) == "mdia"))
        {
            foreach (var hdlr in Boxes(bytes, mdia.Start + 8, mdia.Start + mdia.Size).Where(b => Type(bytes, b.Start) == "hdlr"))
            {
                // hdlr: size, type, version+flags (4), pre_defined (4), handler_type (4).
                if (hdlr.Size >= 20 && System.Text.Encoding.ASCII.GetString(bytes, hdlr.Start + 16, 4) == "soun") return true;
            }
        }
        return false;
    }

    private static IEnumerable<(int Start, int Size)> Boxes(byte[] bytes, int from, int to)
    {
        for (var at = from; at + 8 <= to;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at, 4));
            if (size == 0) size = to - at;
            if (size < 8 || at + size > to) yield break;
            yield return (at, size);
            at += size;
        }
    }

    private static string Type(byte[] bytes, int start) => System.Text.Encoding.ASCII.GetString(bytes, start + 4, 4);
}
