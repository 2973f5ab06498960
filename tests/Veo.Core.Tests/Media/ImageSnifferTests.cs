using Veo.Core.Media;
using static Veo.Core.Tests.Media.Bytes;

namespace Veo.Core.Tests.Media;

public class ImageSnifferTests
{
    [Theory]
    [InlineData("frame-1280x720.png", "image/png", 1280, 720)]
    [InlineData("frame-720x1280.png", "image/png", 720, 1280)]
    [InlineData("small-320x240.png", "image/png", 320, 240)]
    [InlineData("frame-1280x720.jpg", "image/jpeg", 1280, 720)]
    [InlineData("frame-3840x2160.jpg", "image/jpeg", 3840, 2160)]
    [InlineData("frame-1280x720.webp", "image/webp", 1280, 720)]
    [InlineData("frame-lossless-640x360.webp", "image/webp", 640, 360)]
    public void A_test_image_is_recognised_with_its_size(string file, string mimeType, int width, int height)
    {
        Assert.Equal(new ImageInfo(mimeType, width, height), ImageSniffer.SniffFile(TestFiles.Image(file)));
    }

    [Theory]
    [InlineData("not-an-image.png")]
    [InlineData("empty.png")]
    [InlineData("picture.gif")]
    public void Anything_but_JPEG_PNG_or_WebP_is_not_recognised(string file)
    {
        Assert.Null(ImageSniffer.SniffFile(TestFiles.Image(file)));
    }

    [Fact]
    public void The_format_comes_from_the_content_not_the_file_name()
    {
        var misnamed = Path.Combine(Path.GetTempPath(), $"veo-{Guid.NewGuid():N}.jpg");
        try
        {
            File.Copy(TestFiles.Image("frame-1280x720.png"), misnamed);

            Assert.Equal("image/png", ImageSniffer.SniffFile(misnamed)?.MimeType);
        }
        finally
        {
            File.Delete(misnamed);
        }
    }

    [Fact]
    public void A_seekable_stream_is_left_where_it_was_so_it_can_be_uploaded_next()
    {
        using var stream = new MemoryStream(File.ReadAllBytes(TestFiles.Image("frame-1280x720.jpg")));

        ImageSniffer.Sniff(stream);

        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData("frame-1280x720.jpg")]
    [InlineData("frame-1280x720.webp")]
    [InlineData("small-320x240.png")]
    public void A_stream_that_cannot_seek_is_sniffed_too(string file)
    {
        using var stream = new CountingStream(File.OpenRead(TestFiles.Image(file)), seekable: false);

        Assert.Equal(ImageSniffer.SniffFile(TestFiles.Image(file)), ImageSniffer.Sniff(stream));
    }

    [Fact]
    public void A_PNG_costs_only_its_header_to_sniff()
    {
        using var stream = new CountingStream(File.OpenRead(TestFiles.Image("frame-1280x720.png")));

        ImageSniffer.Sniff(stream);

        Assert.True(stream.BytesRead <= 32, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public void A_JPEG_frame_header_behind_large_metadata_is_found_by_skipping_the_metadata_not_reading_it()
    {
        var jpeg = Jpeg(
            Segment(0xE1, Zeros(60_000)), // EXIF
            Segment(0xE2, Zeros(60_000)), // ICC profile
            Segment(0xC0, FrameHeader(width: 4000, height: 3000)));
        using var stream = new CountingStream(new MemoryStream(jpeg));

        var info = ImageSniffer.Sniff(stream);

        Assert.Equal(new ImageInfo("image/jpeg", 4000, 3000), info);
        Assert.True(stream.BytesRead < 1024, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public void A_progressive_JPEG_gives_its_size_from_SOF2()
    {
        var jpeg = Jpeg(Segment(0xE0, Zeros(14)), Segment(0xC2, FrameHeader(width: 1024, height: 768)));

        Assert.Equal(new ImageInfo("image/jpeg", 1024, 768), Sniff(jpeg));
    }

    [Fact]
    public void Huffman_tables_C4_are_skipped_though_their_marker_sits_among_the_frame_markers()
    {
        var jpeg = Jpeg(Segment(0xC4, FrameHeader(width: 1, height: 1)), Segment(0xC0, FrameHeader(width: 640, height: 480)));

        Assert.Equal(new ImageInfo("image/jpeg", 640, 480), Sniff(jpeg));
    }

    [Fact]
    public void Fill_bytes_before_a_marker_are_allowed()
    {
        var fill = new byte[] { 0xFF, 0xFF };
        var jpeg = Jpeg(fill, Segment(0xC0, FrameHeader(width: 320, height: 240)));

        Assert.Equal(new ImageInfo("image/jpeg", 320, 240), Sniff(jpeg));
    }

    [Fact]
    public void A_JPEG_that_ends_before_its_frame_header_is_not_recognised()
    {
        var jpeg = Jpeg(Segment(0xE1, Zeros(1000)), Segment(0xC0, FrameHeader(width: 640, height: 480)));

        Assert.Null(Sniff(jpeg.Take(500).ToArray()));
    }

    [Fact]
    public void A_JPEG_whose_image_data_starts_before_any_frame_header_is_not_recognised()
    {
        Assert.Null(Sniff(Jpeg(Segment(0xDA, Zeros(10)))));
    }

    [Fact]
    public void A_PNG_cut_inside_its_header_is_not_recognised()
    {
        var png = File.ReadAllBytes(TestFiles.Image("small-320x240.png"));

        Assert.Null(Sniff(png.Take(20).ToArray()));
    }

    [Fact]
    public void An_extended_WebP_gives_its_24_bit_canvas_size()
    {
        var vp8x = Concat(new byte[] { 0x10, 0, 0, 0 }, UInt24LittleEndian(5000 - 1), UInt24LittleEndian(20000 - 1));
        var webp = Concat(Ascii("RIFF"), UInt32LittleEndian(4 + 8 + vp8x.Length), Ascii("WEBP"), Ascii("VP8X"), UInt32LittleEndian(vp8x.Length), vp8x);

        Assert.Equal(new ImageInfo("image/webp", 5000, 20000), Sniff(webp));
    }

    [Fact]
    public void A_RIFF_file_that_is_not_WebP_is_not_recognised()
    {
        var wave = Concat(Ascii("RIFF"), UInt32LittleEndian(36), Ascii("WAVE"), Ascii("fmt "), Zeros(32));

        Assert.Null(Sniff(wave));
    }

    private static ImageInfo? Sniff(byte[] bytes) => ImageSniffer.Sniff(new MemoryStream(bytes));

    private static byte[] Jpeg(params byte[][] segments) =>
        Concat(new byte[] { 0xFF, 0xD8 }, Concat(segments), new byte[] { 0xFF, 0xD9 });

    /// <summary>A marker and its segment; the length field counts itself but not the marker.</summary>
    private static byte[] Segment(byte marker, byte[] data) =>
        Concat(new byte[] { 0xFF, marker }, UInt16BigEndian(2 + data.Length), data);

    /// <summary>SOFn data: sample precision, height, width, then one component.</summary>
    private static byte[] FrameHeader(int width, int height) =>
        Concat(new byte[] { 8 }, UInt16BigEndian(height), UInt16BigEndian(width), new byte[] { 1, 1, 0x11, 0 });

    private static byte[] UInt24LittleEndian(int value) => new[] { (byte)value, (byte)(value >> 8), (byte)(value >> 16) };
}
