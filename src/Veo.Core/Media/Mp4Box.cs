namespace Veo.Core.Media;

/// <summary>One ISO-BMFF box: where it starts in the file, how long its header is, and where it ends.</summary>
internal readonly record struct Mp4Box(string Type, long Offset, int HeaderSize, long End)
{
    public long PayloadOffset => Offset + HeaderSize;

    public long PayloadSize => End - PayloadOffset;
}
