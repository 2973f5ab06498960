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
