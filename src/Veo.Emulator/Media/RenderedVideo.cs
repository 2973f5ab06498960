using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Veo.Emulator;

/// <summary>
/// The MP4 a task renders: the fixture of its resolution and shape (one second of H.264 and AAC) made as long as the
/// request asked, with every sample table rewritten so it is a real, playable file of that length, not a header that
/// lies. The video's one-second group of pictures starts with its key frame, so it is repeated whole; the audio's AAC
/// frames are cycled until the track lasts exactly as long. Each second is one chunk per track, interleaved.
/// </summary>
internal static class RenderedVideo
{
    private static readonly ConcurrentDictionary<VideoFixture, byte[]> Cache = new();

    public static byte[] Of(VideoFixture fixture) => Cache.GetOrAdd(fixture, static f =>
    {
        using var stream = f.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Render(copy.ToArray(), f.Seconds);
    });

    internal static byte[] Render(byte[] fixture, int seconds)
    {
        if (seconds < 1) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A video lasts at least one second.");
        var boxes = Mp4Box.Parse(fixture);
        var ftyp = boxes.Single(b => b.Type == "ftyp");
        var moov = boxes.Single(b => b.Type == "moov");
        var mvhd = moov.Get("mvhd");
        var movieTimescale = BinaryPrimitives.ReadUInt32BigEndian(mvhd.Payload.AsSpan(mvhd.Payload![0] == 0 ? 12 : 20));
        var tracks = moov.Children!.Where(b => b.Type == "trak").Select(t => new TrackSamples(t, fixture, seconds)).ToList();

        // The tables' sizes do not depend on the offsets they hold, so the media's place is known before it is written.
        var movieDuration = (ulong)seconds * movieTimescale;
        SetDuration(mvhd, movieDuration, versionZeroAt: 16, versionOneAt: 24);
        foreach (var track in tracks) track.WriteTables(movieDuration, chunkOffsets: null);
        var free = Mp4Box.Leaf("free", []);
        long mediaStart = ftyp.Size + moov.Size + free.Size + 8;

        var chunks = Enumerable.Range(0, seconds).SelectMany(second => tracks.Select(track => (track, second)))
            .Where(c => c.track.ChunkLength(c.second) > 0).ToList();
        var offsets = tracks.ToDictionary(t => t, _ => new List<long>());
        var position = mediaStart;
        foreach (var (track, second) in chunks)
        {
            offsets[track].Add(position);
            position += track.ChunkLength(second);
        }
        foreach (var track in tracks) track.WriteTables(movieDuration, offsets[track]);

        using var output = new MemoryStream((int)position);
        ftyp.WriteTo(output);
        moov.WriteTo(output);
        free.WriteTo(output);
        var mdatHeader = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(mdatHeader, checked((uint)(position - mediaStart + 8)));
        "mdat"u8.CopyTo(mdatHeader.AsSpan(4));
        output.Write(mdatHeader, 0, mdatHeader.Length);
        foreach (var (track, second) in chunks) track.WriteChunk(second, output);
        return output.ToArray();
    }

    internal static void SetDuration(Mp4Box box, ulong duration, int versionZeroAt, int versionOneAt)
    {
        if (box.Payload![0] == 0) BinaryPrimitives.WriteUInt32BigEndian(box.Payload.AsSpan(versionZeroAt), checked((uint)duration));
        else BinaryPrimitives.WriteUInt64BigEndian(box.Payload.AsSpan(versionOneAt), duration);
    }
}
