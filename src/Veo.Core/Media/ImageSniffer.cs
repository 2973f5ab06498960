namespace Veo.Core.Media;

/// <summary>
/// Tells JPEG, PNG and WebP apart by their first bytes, never by file name, and reads their size from the header.
/// Reads a few dozen bytes, or for a JPEG its segment headers up to the frame header.
/// </summary>
public static class ImageSniffer
{
    // Long enough for every fixed-layout header sniffed here; a JPEG is walked on from the stream.
    private static readonly int HeaderLength = Math.Max(PngHeader.BytesNeeded, WebPHeader.BytesNeeded);

    /// <returns>The format and size, or null for anything else (another format, text, an empty or damaged file).</returns>
    public static ImageInfo? SniffFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Sniff(file);
    }

    /// <summary>Reads from the current position; a seekable stream is put back there, so it can be uploaded next.</summary>
    /// <returns>The format and size, or null for anything else (another format, text, an empty or damaged stream).</returns>
    public static ImageInfo? Sniff(Stream stream)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        var position = stream.CanSeek ? stream.Position : (long?)null;
        try
        {
            return SniffFromHere(stream);
        }
        finally
        {
            if (position is { } start)
            {
                stream.Position = start;
            }
        }
    }

    private static ImageInfo? SniffFromHere(Stream stream)
    {
        var header = stream.ReadUpTo(HeaderLength);
        if (PngHeader.HasSignature(header))
        {
            return PngHeader.Read(header);
        }

        if (WebPHeader.HasSignature(header))
        {
            return WebPHeader.Read(header);
        }

        if (JpegHeader.HasSignature(header))
        {
            return JpegHeader.Read(new ForwardByteReader(header, startAt: 2, stream));
        }

        return null;
    }
}

/// <summary>An image's format and size, as read from its first bytes.</summary>
/// <param name="MimeType"><c>image/jpeg</c>, <c>image/png</c> or <c>image/webp</c>.</param>
public sealed record ImageInfo(string MimeType, int Width, int Height);

internal static class ImageSize
{
    /// <summary>A zero or overflowing size means the header is damaged, so the image is not one we can vouch for.</summary>
    public static bool IsPlausible(long width, long height) =>
        width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue;
}
