using System.Buffers.Binary;
using System.IO.Compression;

namespace Veo.PowerShell.Tests.Report;

/// <summary>
/// The pixels of a screenshot PNG (8-bit RGB or RGBA, not interlaced: what Chromium writes), to tell a drawn page from a
/// blank one. PNG per https://www.w3.org/TR/png/ : chunks, IDAT zlib data, one filter byte before each row.
/// </summary>
public sealed record PngPixels(int Width, int Height, uint[] Colors)
{
    public static PngPixels Read(byte[] png)
    {
        int width = 0, height = 0, channels = 0;
        using var data = new MemoryStream();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(body), BinaryPrimitives.ReadInt32BigEndian(body[4..]));
                Assert.Equal(8, body[8]);
                channels = body[9] switch { 2 => 3, 6 => 4, var other => throw new NotSupportedException($"PNG colour type {other}") };
                Assert.Equal(0, body[12]);
            }
            if (type == "IDAT") data.Write(body);
            at += 12 + length;
        }
        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var colors = new uint[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan(y * (stride + 1) + 1, stride);
            Unfilter(raw[y * (stride + 1)], row, previous, channels);
            for (var x = 0; x < width; x++) colors[y * width + x] = (uint)(row[x * channels] << 16 | row[x * channels + 1] << 8 | row[x * channels + 2]);
            row.CopyTo(previous);
        }
        return new PngPixels(width, height, colors);
    }

    private static void Unfilter(byte filter, Span<byte> row, byte[] above, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = above[i], c = i >= bpp ? above[i - bpp] : 0;
            row[i] += filter switch
            {
                0 => 0,
                1 => (byte)a,
                2 => (byte)b,
                3 => (byte)((a + b) / 2),
                4 => Paeth(a, b, c),
                _ => throw new InvalidDataException($"PNG filter {filter}"),
            };
        }
    }

    private static byte Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
    }

    /// <summary>The share of pixels that are not the commonest colour: 0 for a blank screenshot.</summary>
    public double Drawn => 1 - Colors.GroupBy(c => c).Max(g => g.Count()) / (double)Colors.Length;

    public int DistinctColors => Colors.Distinct().Count();
}
