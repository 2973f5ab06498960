using System.Buffers.Binary;

namespace Veo.Emulator;

/// <summary>
/// One track of a fixture, read from its sample tables (stts, ctts, stsz, stsc, stco, stss) and made <c>seconds</c>
/// long: a track with key frames (video) is repeated whole, once a second; one whose samples all stand alone (AAC audio)
/// is cycled until it lasts the edit's start plus the seconds asked. Its tables are then written for the new samples.
/// </summary>
internal sealed class TrackSamples
{
    private readonly Mp4Box trak;
    private readonly Mp4Box stbl;
    private readonly byte[] file;
    private readonly uint timescale;
    private readonly List<Sample> samples;
    private readonly List<int> chunkOfSample;

    private readonly record struct Sample(long Offset, int Size, uint Delta, int CompositionOffset, bool Sync);

    public TrackSamples(Mp4Box trak, byte[] file, int seconds)
    {
        this.trak = trak;
        this.file = file;
        var mdia = trak.Get("mdia");
        stbl = mdia.Get("minf").Get("stbl");
        var mdhd = mdia.Get("mdhd").Payload!;
        timescale = BinaryPrimitives.ReadUInt32BigEndian(mdhd.AsSpan(mdhd[0] == 0 ? 12 : 20));
        var original = ReadSamples();
        (samples, chunkOfSample) = original.All(s => s.Sync) ? Cycled(original, seconds) : Repeated(original, seconds);
    }

    /// <summary>Bytes of this track's media in the chunk of one second (0 when it has no sample there).</summary>
    public long ChunkLength(int second) => SamplesOf(second).Sum(i => (long)samples[i].Size);

    public void WriteChunk(int second, Stream output)
    {
        foreach (var i in SamplesOf(second)) output.Write(file, (int)samples[i].Offset, samples[i].Size);
    }

    /// <summary>Rewrites the sample tables and durations; offsets are placeholders until the chunks' places are known.</summary>
    public void WriteTables(ulong movieDuration, IReadOnlyList<long>? chunkOffsets)
    {
        var mediaDuration = samples.Aggregate(0UL, (sum, s) => sum + s.Delta);
        RenderedVideo.SetDuration(trak.Get("mdia").Get("mdhd"), mediaDuration, versionZeroAt: 16, versionOneAt: 24);
        RenderedVideo.SetDuration(trak.Get("tkhd"), movieDuration, versionZeroAt: 20, versionOneAt: 28);
        if (trak.Find("edts")?.Find("elst") is { } elst)
        {
            // One edit from the media's start time (the decoder delay ffmpeg records), now as long as the movie.
            if (BinaryPrimitives.ReadUInt32BigEndian(elst.Payload.AsSpan(4)) != 1) throw new InvalidDataException("The fixture's edit list has more than one edit.");
            RenderedVideo.SetDuration(elst, movieDuration, versionZeroAt: 8, versionOneAt: 8);
        }

        var chunkSizes = chunkOfSample.GroupBy(c => c).OrderBy(g => g.Key).Select(g => (uint)g.Count()).ToList();
        var offsets = chunkOffsets ?? Enumerable.Repeat(0L, chunkSizes.Count).ToList();
        foreach (var box in stbl.Children!.ToList())
        {
            box.Payload = box.Type switch
            {
                "stts" => RunLength(box.Payload!, samples.Select(s => s.Delta)),
                "ctts" => RunLength(box.Payload!, samples.Select(s => unchecked((uint)s.CompositionOffset))),
                "stss" => Table(box.Payload!, samples.Select((s, i) => (s, i)).Where(x => x.s.Sync).Select(x => new[] { (uint)x.i + 1 })),
                "stsz" => SampleSizes(box.Payload!),
                "stsc" => ChunkRuns(box.Payload!, chunkSizes),
                "stco" => Table(box.Payload!, offsets.Select(o => new[] { checked((uint)o) })),
                "co64" => Table(box.Payload!, offsets.Select(o => new[] { (uint)(o >> 32), (uint)o })),
                "sbgp" => SampleGroup(box.Payload!),
                _ => box.Payload,
            };
            // A sample group that cannot be carried over is dropped with its description; both are optional.
            if (box.Payload is null) stbl.Children!.RemoveAll(b => b.Type is "sbgp" or "sgpd");
        }
    }

    private IEnumerable<int> SamplesOf(int second)
    {
        for (var i = 0; i < samples.Count; i++)
        {
            if (chunkOfSample[i] == second) yield return i;
        }
    }

    private List<Sample> ReadSamples()
    {
        var deltas = Expand(stbl.Get("stts").Payload!).ToList();
        var compositions = stbl.Find("ctts") is { } ctts ? Expand(ctts.Payload!).Select(v => unchecked((int)v)).ToList() : null;
        var stsz = stbl.Get("stsz").Payload!;
        var fixedSize = BinaryPrimitives.ReadUInt32BigEndian(stsz.AsSpan(4));
        var count = (int)BinaryPrimitives.ReadUInt32BigEndian(stsz.AsSpan(8));
        var sizes = Enumerable.Range(0, count).Select(i => fixedSize != 0 ? (int)fixedSize : (int)BinaryPrimitives.ReadUInt32BigEndian(stsz.AsSpan(12 + 4 * i))).ToList();
        var syncs = stbl.Find("stss") is { } stss ? new HashSet<uint>(Entries(stss.Payload!, 1).Select(e => e[0])) : null;
        var chunkOffsets = stbl.Find("stco") is { } stco
            ? Entries(stco.Payload!, 1).Select(e => (long)e[0]).ToList()
            : Entries(stbl.Get("co64").Payload!, 2).Select(e => (long)e[0] << 32 | e[1]).ToList();

        var runs = Entries(stbl.Get("stsc").Payload!, 3).ToList();
        var result = new List<Sample>(count);
        var sample = 0;
        for (var chunk = 0; chunk < chunkOffsets.Count && sample < count; chunk++)
        {
            var run = runs.Last(r => r[0] <= chunk + 1);
            var offset = chunkOffsets[chunk];
            for (var k = 0; k < run[1] && sample < count; k++, sample++)
            {
                result.Add(new Sample(offset, sizes[sample], deltas[sample], compositions?[sample] ?? 0, syncs is null || syncs.Contains((uint)sample + 1)));
                offset += sizes[sample];
            }
        }
        return result;
    }

    /// <summary>A group of pictures is decodable only whole and from its key frame: the one second is repeated as it is.</summary>
    private (List<Sample>, List<int>) Repeated(List<Sample> original, int seconds)
    {
        var length = original.Aggregate(0UL, (sum, s) => sum + s.Delta);
        if (length != timescale) throw new InvalidDataException($"A fixture's video must last exactly one second; it lasts {length}/{timescale}.");
        var repeated = Enumerable.Range(0, seconds).SelectMany(_ => original).ToList();
        return (repeated, Enumerable.Range(0, seconds).SelectMany(second => Enumerable.Repeat(second, original.Count)).ToList());
    }

    /// <summary>Whole frames from the fixture in turn until the track reaches the edit's start plus the seconds; the last frame is trimmed by its duration.</summary>
    private (List<Sample>, List<int>) Cycled(List<Sample> original, int seconds)
    {
        var frameDelta = original.GroupBy(s => s.Delta).OrderByDescending(g => g.Count()).First().Key;
        var frames = original.Where(s => s.Delta == frameDelta).ToList();
        var target = EditStart() + (ulong)seconds * timescale;
        var cycled = new List<Sample>();
        var chunks = new List<int>();
        for (ulong time = 0; time < target;)
        {
            var delta = (uint)Math.Min(frameDelta, target - time);
            cycled.Add(frames[cycled.Count % frames.Count] with { Delta = delta });
            chunks.Add((int)Math.Min((ulong)seconds - 1, time / timescale));
            time += delta;
        }
        return (cycled, chunks);
    }

    /// <summary>Where presentation starts in the media (the AAC priming samples ffmpeg records in the edit list).</summary>
    private ulong EditStart()
    {
        if (trak.Find("edts")?.Find("elst") is not { } elst) return 0;
        var payload = elst.Payload!;
        var mediaTime = payload[0] == 0 ? BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(12)) : BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16));
        return mediaTime > 0 ? (ulong)mediaTime : 0;
    }

    private byte[] SampleSizes(byte[] old)
    {
        var payload = new byte[12 + 4 * samples.Count];
        old.AsSpan(0, 4).CopyTo(payload);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(8), (uint)samples.Count);
        for (var i = 0; i < samples.Count; i++) BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(12 + 4 * i), (uint)samples[i].Size);
        return payload;
    }

    private static byte[] ChunkRuns(byte[] old, IReadOnlyList<uint> chunkSizes)
    {
        var runs = new List<uint[]>();
        for (var i = 0; i < chunkSizes.Count; i++)
        {
            if (runs.Count == 0 || runs[^1][1] != chunkSizes[i]) runs.Add([(uint)i + 1, chunkSizes[i], 1]);
        }
        return Table(old, runs);
    }

    /// <summary>Every sample in the one group the fixture puts them all in (AAC's roll distance), or null to drop it.</summary>
    private byte[]? SampleGroup(byte[] old)
    {
        var countAt = old[0] == 1 ? 12 : 8;
        if (BinaryPrimitives.ReadUInt32BigEndian(old.AsSpan(countAt)) != 1) return null;
        var payload = (byte[])old.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(countAt + 4), (uint)samples.Count);
        return payload;
    }

    private static byte[] RunLength(byte[] old, IEnumerable<uint> values)
    {
        var runs = new List<uint[]>();
        foreach (var value in values)
        {
            if (runs.Count > 0 && runs[^1][1] == value) runs[^1][0]++;
            else runs.Add([1, value]);
        }
        return Table(old, runs);
    }

    /// <summary>A full box's version and flags (kept), an entry count, then the entries as 32-bit words.</summary>
    private static byte[] Table(byte[] old, IEnumerable<uint[]> entries)
    {
        var list = entries.ToList();
        var width = list.Count == 0 ? 0 : list[0].Length;
        var payload = new byte[8 + 4 * width * list.Count];
        old.AsSpan(0, 4).CopyTo(payload);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(4), (uint)list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            for (var w = 0; w < width; w++) BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(8 + 4 * (i * width + w)), list[i][w]);
        }
        return payload;
    }

    private static IEnumerable<uint[]> Entries(byte[] payload, int width)
    {
        var count = BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(4));
        for (var i = 0; i < count; i++)
            yield return Enumerable.Range(0, width).Select(w => BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(8 + 4 * (i * width + w)))).ToArray();
    }

    /// <summary>A run-length table (stts, ctts) as one value per sample.</summary>
    private static IEnumerable<uint> Expand(byte[] payload) => Entries(payload, 2).SelectMany(e => Enumerable.Repeat(e[1], (int)e[0]));
}
