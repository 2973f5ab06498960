using static Veo.Core.Tests.Media.Bytes;

namespace Veo.Core.Tests.Media;

/// <summary>Builds ISO-BMFF boxes byte by byte, for the layouts and damage that real files rarely show.</summary>
internal static class Mp4Builder
{
    private static readonly long[] IdentityMatrix = { 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000 };
    private static readonly long[] QuarterTurnMatrix = { 0, 0x00010000, 0, 0xFFFF0000, 0, 0, 0, 0, 0x40000000 };

    public static byte[] Box(string type, params byte[][] payload)
    {
        var body = Concat(payload);
        return Concat(UInt32BigEndian(8 + body.Length), Ascii(type), body);
    }

    /// <summary>Size field 1, then the real size as a 64-bit "largesize" after the type.</summary>
    public static byte[] LargeBox(string type, byte[] payload) =>
        Concat(UInt32BigEndian(1), Ascii(type), UInt64BigEndian(16 + payload.Length), payload);

    public static byte[] BoxDeclaringSize(long size, string type, byte[] payload) =>
        Concat(UInt32BigEndian(size), Ascii(type), payload);

    public static byte[] FileType(string majorBrand = "isom") =>
        Box("ftyp", Ascii(majorBrand), UInt32BigEndian(0x200), Ascii("isom"), Ascii("mp41"));

    public static byte[] Movie(byte[] movieHeader, params byte[][] tracks) =>
        Box("moov", Concat(movieHeader, Concat(tracks)));

    /// <summary>An <c>mvhd</c> with the fields a reader needs; the rest (rate, volume, matrix, ...) left zero.</summary>
    public static byte[] MovieHeader(int version, uint timescale, ulong duration) =>
        Box("mvhd", TimesAndDuration(version, timescale, duration), Zeros(80));

    public static byte[] VideoTrack(int width, int height, string codec = "avc1", int version = 0, bool quarterTurn = false, byte[]? mediaHeader = null) =>
        Track("vide", codec, TrackHeader(version, width, height, quarterTurn), mediaHeader);

    public static byte[] AudioTrack() => Track("soun", "mp4a", TrackHeader(0, 0, 0, quarterTurn: false), mediaHeader: null);

    public static byte[] MediaHeader(int version, uint timescale, ulong duration) =>
        Box("mdhd", TimesAndDuration(version, timescale, duration), Zeros(4));

    /// <summary>Splits a file whose boxes all have 32-bit sizes, as the fixtures do.</summary>
    public static IReadOnlyList<TopLevelBox> TopLevelBoxes(byte[] file)
    {
        var boxes = new List<TopLevelBox>();
        for (var offset = 0; offset < file.Length;)
        {
            var size = (int)(file[offset] << 24 | file[offset + 1] << 16 | file[offset + 2] << 8 | file[offset + 3]);
            var type = System.Text.Encoding.ASCII.GetString(file, offset + 4, 4);
            boxes.Add(new TopLevelBox(type, offset, file.Skip(offset).Take(size).ToArray()));
            offset += size;
        }

        return boxes;
    }

    public static byte[] TopLevelBoxOf(byte[] file, string type) =>
        TopLevelBoxes(file).Single(box => box.Type == type).Bytes;

    private static byte[] Track(string handler, string codec, byte[] trackHeader, byte[]? mediaHeader) =>
        Box(
            "trak",
            trackHeader,
            Box(
                "mdia",
                mediaHeader ?? MediaHeader(0, 1000, 1000),
                Box("hdlr", Zeros(8), Ascii(handler), Zeros(13)),
                Box("minf", Box("stbl", Box("stsd", Zeros(4), UInt32BigEndian(1), Box(codec, Zeros(78)))))));

    /// <summary>The <c>tkhd</c> layout: version 1 widens the two times and the duration to 64 bits.</summary>
    private static byte[] TrackHeader(int version, int width, int height, bool quarterTurn)
    {
        var timesAndDuration = version == 1 ? Concat(Zeros(16), UInt32BigEndian(1), Zeros(4), Zeros(8)) : Concat(Zeros(8), UInt32BigEndian(1), Zeros(4), Zeros(4));
        var matrix = (quarterTurn ? QuarterTurnMatrix : IdentityMatrix).Select(UInt32BigEndian).ToArray();
        return Box(
            "tkhd",
            new[] { (byte)version, (byte)0, (byte)0, (byte)3 },
            timesAndDuration,
            Zeros(16),
            Concat(matrix),
            UInt32BigEndian((long)width << 16),
            UInt32BigEndian((long)height << 16));
    }

    /// <summary>The shared start of <c>mvhd</c> and <c>mdhd</c>: version, flags, two times, timescale, duration.</summary>
    private static byte[] TimesAndDuration(int version, uint timescale, ulong duration) =>
        version == 1
            ? Concat(new[] { (byte)1, (byte)0, (byte)0, (byte)0 }, Zeros(16), UInt32BigEndian(timescale), UInt64BigEndian((long)duration))
            : Concat(Zeros(4), Zeros(8), UInt32BigEndian(timescale), UInt32BigEndian((long)duration));
}
