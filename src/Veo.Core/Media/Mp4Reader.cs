namespace Veo.Core.Media;

/// <summary>
/// Reads an MP4's dimensions, duration and tracks from its ISO-BMFF boxes. Only box headers and the small header
/// boxes inside <c>moov</c> are read; media data is skipped by seeking, so a 1 GiB file costs a few kilobytes.
/// </summary>
public static class Mp4Reader
{
    private const int BytesShownWhenNotMp4 = 16;

    public static Mp4Info ReadFile(string path)
    {
        // Unbuffered: every read is a seek to a header, and a buffer would pull in kilobytes of media at each one.
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        return Read(file);
    }

    /// <summary>Reads the whole stream as one file, from its start, and puts its position back afterwards.</summary>
    /// <exception cref="InvalidVideoException">The stream is not a complete, readable MP4 video.</exception>
    public static Mp4Info Read(Stream stream)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (!stream.CanSeek)
        {
            throw new ArgumentException("Reading an MP4 needs a seekable stream: its 'moov' box may come after the media.", nameof(stream));
        }

        var position = stream.Position;
        try
        {
            return ReadFromStart(new Mp4BoxReader(stream));
        }
        finally
        {
            stream.Position = position;
        }
    }

    private static Mp4Info ReadFromStart(Mp4BoxReader boxes)
    {
        var firstBytes = boxes.ReadAt(0, BytesShownWhenNotMp4);
        if (!StartsLikeMp4(firstBytes))
        {
            throw InvalidVideo.NotAnMp4(firstBytes, boxes.FileLength);
        }

        string? majorBrand = null;
        Mp4Box? movie = null;
        foreach (var box in boxes.TopLevelBoxes())
        {
            if (majorBrand is null)
            {
                if (IsPadding(box.Type))
                {
                    continue;
                }

                if (box.Type != "ftyp")
                {
                    throw InvalidVideo.NotAnMp4(firstBytes, boxes.FileLength);
                }

                majorBrand = MajorBrand(boxes, box);
            }
            else if (box.Type == "moov" && movie is null)
            {
                movie = box;
            }
        }

        // The walk above went on past moov on purpose: a box running past the end means a cut download, even if moov is intact.
        if (majorBrand is null)
        {
            throw InvalidVideo.NotAnMp4(firstBytes, boxes.FileLength);
        }

        if (movie is null)
        {
            throw InvalidVideo.NoMovie();
        }

        return Describe(Mp4MovieParser.Parse(boxes, movie.Value), majorBrand);
    }

    /// <summary>
    /// Decides from the first box's type before its size is trusted, so a text file is called "not an MP4"
    /// rather than "truncated" because its first bytes happen to read as a huge size.
    /// </summary>
    private static bool StartsLikeMp4(byte[] firstBytes)
    {
        if (firstBytes.Length < 8)
        {
            // Too short to hold a box header: a cut-off MP4 still shows the start of "ftyp".
            var typeBytes = firstBytes.Skip(4).ToArray();
            return typeBytes.Length > 0 && typeBytes.SequenceEqual("ftyp".Take(typeBytes.Length).Select(c => (byte)c));
        }

        var type = FourCC.Read(firstBytes, 4);
        return type == "ftyp" || IsPadding(type);
    }

    private static bool IsPadding(string type) => type is "free" or "skip";

    private static string MajorBrand(Mp4BoxReader boxes, Mp4Box fileType)
    {
        var payload = boxes.ReadPayload(fileType, 4);
        if (payload.Length < 4)
        {
            throw InvalidVideo.Malformed(fileType, "is too short to name a brand");
        }

        return FourCC.Read(payload, 0);
    }

    private static Mp4Info Describe(Mp4Movie movie, string majorBrand)
    {
        var video = movie.Tracks.FirstOrDefault(track => track.Handler == "vide")
            ?? throw InvalidVideo.NoVideoTrack(movie.Tracks);
        var codec = video.SampleEntryType
            ?? throw InvalidVideo.Malformed("its video track does not name a codec (its 'stsd' box is missing or empty)");

        // Some writers leave the movie duration unset and only fill in the track's.
        var duration = movie.Duration ?? video.Duration ?? TimeSpan.Zero;
        var hasAudio = movie.Tracks.Any(track => track.Handler == "soun");
        return new Mp4Info(video.Width, video.Height, duration, hasAudio, majorBrand, codec);
    }
}

/// <summary>What an MP4 file holds, read from its headers without decoding any media.</summary>
/// <param name="Width">Display width of the video track, after any 90° rotation the file asks for.</param>
/// <param name="Height">Display height of the video track, after any 90° rotation the file asks for.</param>
/// <param name="Duration">Length of the movie; zero when the file does not say (a fragmented MP4).</param>
/// <param name="HasAudio">Whether the file has a sound track.</param>
/// <param name="MajorBrand">The <c>ftyp</c> major brand, such as <c>isom</c> or <c>mp42</c>.</param>
/// <param name="VideoCodec">The video sample entry's four-character code, such as <c>avc1</c> or <c>hvc1</c>.</param>
public sealed record Mp4Info(int Width, int Height, TimeSpan Duration, bool HasAudio, string MajorBrand, string VideoCodec);
