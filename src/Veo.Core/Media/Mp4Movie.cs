// The moov box: the movie and its tracks, and the header fields they are read from (ISO/IEC 14496-12).

namespace Veo.Core.Media;

/// <summary>Reads the movie header and each track from a <c>moov</c> box, skipping everything else (sample tables, metadata).</summary>
internal static class Mp4MovieParser
{
    public static Mp4Movie Parse(Mp4BoxReader boxes, Mp4Box moov)
    {
        var movieHeader = boxes.FirstChild(moov, "mvhd")
            ?? throw InvalidVideo.Malformed(moov, "has no 'mvhd' movie header");
        var duration = Mp4HeaderFields.Duration(movieHeader, Read(boxes, movieHeader));

        var tracks = boxes.ChildrenOf(moov)
            .Where(box => box.Type == "trak")
            .Select(trak => ParseTrack(boxes, trak))
            .ToList();
        return new Mp4Movie(duration, tracks);
    }

    private static Mp4Track ParseTrack(Mp4BoxReader boxes, Mp4Box trak)
    {
        var trackHeader = boxes.FirstChild(trak, "tkhd")
            ?? throw InvalidVideo.Malformed(trak, "has no 'tkhd' track header");
        var media = boxes.FirstChild(trak, "mdia")
            ?? throw InvalidVideo.Malformed(trak, "has no 'mdia' box");
        var handler = boxes.FirstChild(media, "hdlr")
            ?? throw InvalidVideo.Malformed(media, "has no 'hdlr' box to say what the track carries");
        var mediaHeader = boxes.FirstChild(media, "mdhd");
        var sampleDescriptions = boxes.Descendant(media, "minf", "stbl", "stsd");

        var (width, height) = Mp4HeaderFields.DisplaySize(trackHeader, Read(boxes, trackHeader));
        return new Mp4Track(
            Mp4HeaderFields.HandlerType(handler, Read(boxes, handler)),
            width,
            height,
            mediaHeader is { } mdhd ? Mp4HeaderFields.Duration(mdhd, Read(boxes, mdhd)) : null,
            sampleDescriptions is { } stsd ? Mp4HeaderFields.FirstSampleEntryType(stsd, Read(boxes, stsd)) : null);
    }

    private static byte[] Read(Mp4BoxReader boxes, Mp4Box box) =>
        boxes.ReadPayload(box, Mp4HeaderFields.LongestPrefixNeeded);
}

/// <summary>The parts of a <c>moov</c> box this engine cares about.</summary>
/// <param name="Duration">From <c>mvhd</c>; null when it does not say (zero or all ones).</param>
internal sealed record Mp4Movie(TimeSpan? Duration, IReadOnlyList<Mp4Track> Tracks);

/// <summary>The parts of one <c>trak</c> box this engine cares about.</summary>
/// <param name="Handler">What the track carries: <c>vide</c>, <c>soun</c>, ...</param>
/// <param name="Duration">From the track's own <c>mdhd</c>; null when it does not say.</param>
/// <param name="SampleEntryType">The first <c>stsd</c> entry's code (the codec); null when there is none.</param>
internal sealed record Mp4Track(string Handler, int Width, int Height, TimeSpan? Duration, string? SampleEntryType);

/// <summary>
/// Reads fields from the payloads of the MP4 header boxes (ISO/IEC 14496-12). Full boxes start with a version byte
/// that picks the layout: version 1 widens times and durations to 64 bits.
/// </summary>
internal static class Mp4HeaderFields
{
    /// <summary>The most any reader here needs: a version 1 <c>tkhd</c> up to its height.</summary>
    public const int LongestPrefixNeeded = 96;

    /// <summary><c>mvhd</c> and <c>mdhd</c> share this layout; null when the duration is unknown (zero or all ones).</summary>
    public static TimeSpan? Duration(Mp4Box box, byte[] payload)
    {
        var version = Version(box, payload);
        ulong timescale, duration;
        bool unknown;
        if (version == 1)
        {
            Require(box, payload, 32);
            timescale = BigEndian.UInt32(payload, 20);
            duration = BigEndian.UInt64(payload, 24);
            unknown = duration == ulong.MaxValue;
        }
        else
        {
            Require(box, payload, 20);
            timescale = BigEndian.UInt32(payload, 12);
            duration = BigEndian.UInt32(payload, 16);
            unknown = duration == uint.MaxValue;
        }

        if (timescale == 0)
        {
            throw InvalidVideo.Malformed(box, "has a timescale of zero");
        }

        if (unknown || duration == 0)
        {
            return null;
        }

        var ticks = Math.Round((decimal)duration * TimeSpan.TicksPerSecond / timescale);
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            throw InvalidVideo.Malformed(box, "claims a duration too long to be real");
        }

        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The <c>tkhd</c> width and height (16.16 fixed point), swapped when its matrix turns the picture a quarter turn.</summary>
    public static (int Width, int Height) DisplaySize(Mp4Box box, byte[] payload)
    {
        var matrixAt = Version(box, payload) == 1 ? 52 : 40;
        var sizeAt = matrixAt + 36;
        Require(box, payload, sizeAt + 8);
        var width = (int)(BigEndian.UInt32(payload, sizeAt) >> 16);
        var height = (int)(BigEndian.UInt32(payload, sizeAt + 4) >> 16);

        // The matrix is {a, b, u, c, d, v, x, y, w}; a and d are zero only for 90 and 270 degree turns,
        // which is how phones mark a portrait recording stored in landscape.
        var a = BigEndian.UInt32(payload, matrixAt);
        var d = BigEndian.UInt32(payload, matrixAt + 16);
        return a == 0 && d == 0 ? (height, width) : (width, height);
    }

    /// <summary>The <c>hdlr</c> handler type: <c>vide</c>, <c>soun</c>, ...</summary>
    public static string HandlerType(Mp4Box box, byte[] payload)
    {
        Require(box, payload, 12);
        return FourCC.Read(payload, 8);
    }

    /// <summary>The code of the first <c>stsd</c> sample entry, which names the codec; null when there are no entries.</summary>
    public static string? FirstSampleEntryType(Mp4Box box, byte[] payload)
    {
        Require(box, payload, 8);
        if (BigEndian.UInt32(payload, 4) == 0)
        {
            return null;
        }

        Require(box, payload, 16);
        return FourCC.Read(payload, 12);
    }

    private static byte Version(Mp4Box box, byte[] payload)
    {
        Require(box, payload, 1);
        var version = payload[0];
        if (version > 1)
        {
            throw InvalidVideo.Malformed(box, $"has version {version}, which is not defined");
        }

        return version;
    }

    private static void Require(Mp4Box box, byte[] payload, int length)
    {
        if (payload.Length < length)
        {
            throw InvalidVideo.Malformed(box, $"holds {payload.Length} bytes, too few for its fields ({length} needed)");
        }
    }
}
