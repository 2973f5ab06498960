// ISO-BMFF boxes: what one is, and walking them without reading their payloads.

namespace Veo.Core.Media;

/// <summary>One ISO-BMFF box: where it starts in the file, how long its header is, and where it ends.</summary>
internal readonly record struct Mp4Box(string Type, long Offset, int HeaderSize, long End)
{
    public long PayloadOffset => Offset + HeaderSize;

    public long PayloadSize => End - PayloadOffset;
}

/// <summary>
/// Walks ISO-BMFF boxes by reading their headers and seeking over their payloads,
/// so a walk costs a few bytes per box however large the media is.
/// </summary>
internal sealed class Mp4BoxReader
{
    private const int CompactHeaderSize = 8;
    private const int LargeHeaderSize = 16;

    private readonly Stream stream;

    public Mp4BoxReader(Stream stream)
    {
        this.stream = stream;
        FileLength = stream.Length;
    }

    public long FileLength { get; }

    /// <summary>The boxes at the top of the file; one that runs past the end of the file means the file was cut short.</summary>
    public IEnumerable<Mp4Box> TopLevelBoxes()
    {
        for (var offset = 0L; offset < FileLength;)
        {
            var box = ReadHeader(offset, FileLength, parent: null);
            yield return box;
            offset = box.End;
        }
    }

    public IEnumerable<Mp4Box> ChildrenOf(Mp4Box parent)
    {
        // Some writers end a container with a few zero bytes of padding: too short for a header, so not a box.
        for (var offset = parent.PayloadOffset; parent.End - offset >= CompactHeaderSize;)
        {
            var box = ReadHeader(offset, parent.End, parent);
            yield return box;
            offset = box.End;
        }
    }

    public Mp4Box? FirstChild(Mp4Box parent, string type)
    {
        foreach (var child in ChildrenOf(parent))
        {
            if (child.Type == type)
            {
                return child;
            }
        }

        return null;
    }

    public Mp4Box? Descendant(Mp4Box ancestor, params string[] path)
    {
        Mp4Box? box = ancestor;
        foreach (var type in path)
        {
            if (box is null)
            {
                return null;
            }

            box = FirstChild(box.Value, type);
        }

        return box;
    }

    /// <summary>Reads the start of a box's payload: header boxes carry their fields first, and may be padded.</summary>
    public byte[] ReadPayload(Mp4Box box, int maxBytes)
    {
        stream.Position = box.PayloadOffset;
        return stream.ReadUpTo((int)Math.Min(box.PayloadSize, maxBytes));
    }

    public byte[] ReadAt(long offset, int count)
    {
        stream.Position = offset;
        return stream.ReadUpTo(count);
    }

    private Mp4Box ReadHeader(long offset, long end, Mp4Box? parent)
    {
        var header = ReadAt(offset, (int)Math.Min(CompactHeaderSize, end - offset));
        if (header.Length < CompactHeaderSize)
        {
            throw InvalidVideo.HeaderCutShort(offset, CompactHeaderSize, FileLength);
        }

        var type = FourCC.Read(header, 4);
        ulong size = BigEndian.UInt32(header, 0);
        var headerSize = CompactHeaderSize;
        if (size == 1)
        {
            // A 64-bit "largesize" follows the type, for boxes of 4 GiB and more.
            headerSize = LargeHeaderSize;
            var largeSize = ReadAt(offset + CompactHeaderSize, (int)Math.Min(8, end - offset - CompactHeaderSize));
            if (largeSize.Length < 8)
            {
                throw parent is null
                    ? InvalidVideo.HeaderCutShort(offset, LargeHeaderSize, FileLength)
                    : InvalidVideo.Malformed($"its '{type}' box at offset {offset} does not fit in its '{parent.Value.Type}' box");
            }

            size = BigEndian.UInt64(largeSize, 0);
        }
        else if (size == 0)
        {
            // Size zero means "up to the end of the file"; inside a container, the container's end is the only sane reading.
            size = (ulong)(end - offset);
        }

        if (size < (ulong)headerSize)
        {
            throw InvalidVideo.Malformed($"its '{type}' box at offset {offset} claims a size of {size} bytes, less than its own header");
        }

        if (size > (ulong)(end - offset))
        {
            throw parent is null
                ? InvalidVideo.BoxRunsPastEndOfFile(type, offset, size, FileLength)
                : InvalidVideo.Malformed(
                    $"its '{type}' box at offset {offset} is {size} bytes long, " +
                    $"more than is left of the '{parent.Value.Type}' box around it");
        }

        return new Mp4Box(type, offset, headerSize, offset + (long)size);
    }
}
