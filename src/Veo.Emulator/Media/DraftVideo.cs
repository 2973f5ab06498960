using System.Buffers.Binary;

namespace Veo.Emulator;

/// <summary>
/// Gemini Omni's 360p draft, made from the 720p fixture: the picture track's header (tkhd) gives its presentation size
/// as 640x360 (or 360x640), which ISO/IEC 14496-12 lets differ from the coded size, so players show it at 360p and a
/// reader of tkhd (as Veo's Save-VeoVideo is) sees a 360p video. No 360p fixture is committed: ffmpeg, which makes
/// them (make-fixtures.sh), is not at hand everywhere the emulator is built.
/// </summary>
internal static class DraftVideo
{
    public static byte[] Of(byte[] fixture720p, Orientation orientation)
    {
        var boxes = Mp4Box.Parse(fixture720p);
        var (width, height) = orientation == Orientation.Landscape ? (640, 360) : (360, 640);
        foreach (var trak in boxes.Single(b => b.Type == "moov").Children!.Where(b => b.Type == "trak"))
        {
            var tkhd = trak.Get("tkhd").Payload!;
            // tkhd ends with width and height, 16.16 fixed point; a sound track's are 0.
            if (BinaryPrimitives.ReadUInt32BigEndian(tkhd.AsSpan(tkhd.Length - 8)) == 0) continue;
            BinaryPrimitives.WriteUInt32BigEndian(tkhd.AsSpan(tkhd.Length - 8), (uint)width << 16);
            BinaryPrimitives.WriteUInt32BigEndian(tkhd.AsSpan(tkhd.Length - 4), (uint)height << 16);
        }
        using var output = new MemoryStream(fixture720p.Length);
        foreach (var box in boxes) box.WriteTo(output);
        return output.ToArray();
    }
}
