using System.Buffers.Binary;
using System.Text;

namespace Veo.Emulator;

/// <summary>
/// One box of an MP4 (ISO/IEC 14496-12): a container of boxes, or a leaf kept as its payload bytes. Enough to take a
/// fixture apart and write a longer one; only the 32-bit sizes ffmpeg writes for small files are read.
/// </summary>
internal sealed class Mp4Box
{
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "stbl", "edts"];

    private Mp4Box(string type, byte[]? payload, List<Mp4Box>? children)
    {
        Type = type;
        Payload = payload;
        Children = children;
    }

    public string Type { get; }

    /// <summary>A leaf's bytes after the 8-byte header; null for a container.</summary>
    public byte[]? Payload { get; set; }

    public List<Mp4Box>? Children { get; }

    public long Size => 8 + (Children?.Sum(c => c.Size) ?? Payload!.Length);

    public static Mp4Box Leaf(string type, byte[] payload) => new(type, payload, null);

    public static List<Mp4Box> Parse(ReadOnlySpan<byte> data)
    {
        var boxes = new List<Mp4Box>();
        var offset = 0;
        while (offset + 8 <= data.Length)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
            if (size < 8 || offset + size > data.Length) throw new InvalidDataException($"A box at {offset} has size {size}, which the fixture reader does not take.");
            var type = Encoding.ASCII.GetString(data.Slice(offset + 4, 4).ToArray());
            var body = data.Slice(offset + 8, size - 8);
            boxes.Add(Containers.Contains(type) ? new Mp4Box(type, null, Parse(body)) : new Mp4Box(type, body.ToArray(), null));
            offset += size;
        }
        return boxes;
    }

    public Mp4Box? Find(string type) => Children?.FirstOrDefault(c => c.Type == type);

    public Mp4Box Get(string type) => Find(type) ?? throw new InvalidDataException($"'{Type}' has no '{type}' box.");

    public void WriteTo(Stream stream)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, checked((uint)Size));
        Encoding.ASCII.GetBytes(Type, 0, 4, header, 4);
        stream.Write(header, 0, header.Length);
        if (Children is null) stream.Write(Payload!, 0, Payload!.Length);
        else foreach (var child in Children) child.WriteTo(stream);
    }
}
