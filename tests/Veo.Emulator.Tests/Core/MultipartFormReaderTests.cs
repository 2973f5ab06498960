using System.Net.Http.Headers;
using System.Text;

namespace Veo.Emulator.Tests.Core;

/// <summary>The emulator's own multipart/form-data reader, on what .NET, curl-like and hand-written clients send.</summary>
public sealed class MultipartFormReaderTests
{
    private static async Task<(byte[] Body, string Boundary)> SerializeAsync(MultipartFormDataContent content)
    {
        var boundary = HeaderValue.TryParse(content.Headers.ContentType!.ToString())!.Parameter("boundary")!;
        return (await content.ReadAsByteArrayAsync(), boundary);
    }

    [Fact]
    public async Task Reads_what_MultipartFormDataContent_sends_text_and_files_in_order()
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("veo-3.1-fast-generate-preview"), "model");
        var image = new ByteArrayContent(ImageHeaders.Png);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(image, "input_reference", "first.png");
        content.Add(new StringContent("A cat\r\n--not a boundary"), "prompt");
        var (body, boundary) = await SerializeAsync(content);

        var parts = MultipartFormReader.TryRead(body, boundary)!;

        Assert.Equal(["model", "input_reference", "prompt"], parts.Select(p => p.Name));
        Assert.Equal("veo-3.1-fast-generate-preview", parts[0].Text);
        Assert.Null(parts[0].FileName);
        Assert.Equal("first.png", parts[1].FileName);
        Assert.Equal("image/png", parts[1].ContentType);
        Assert.Equal(ImageHeaders.Png, parts[1].Content);
        Assert.Equal("A cat\r\n--not a boundary", parts[2].Text);
    }

    [Fact]
    public async Task A_non_ascii_file_name_is_read_from_filename_star()
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(ImageHeaders.Jpeg), "input_reference", "café frame.jpg");
        var (body, boundary) = await SerializeAsync(content);

        var part = Assert.Single(MultipartFormReader.TryRead(body, boundary)!);

        Assert.Equal("café frame.jpg", part.FileName);
    }

    [Fact]
    public void A_preamble_a_quoted_name_and_an_empty_part_are_read()
    {
        var body = Encoding.UTF8.GetBytes(
            "ignored preamble\r\n--b\r\nContent-Disposition: form-data; name=\"a \\\"quoted\\\" name\"\r\n\r\n\r\n" +
            "--b\r\ncontent-disposition: form-data; name=seconds\r\n\r\n8\r\n--b--\r\nepilogue");

        var parts = MultipartFormReader.TryRead(body, "b")!;

        Assert.Equal(["a \"quoted\" name", "seconds"], parts.Select(p => p.Name));
        Assert.Empty(parts[0].Content);
        Assert.Equal("8", parts[1].Text);
        Assert.Equal("", parts[1].ContentType);
    }

    [Theory]
    [InlineData("--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nveo")]
    [InlineData("--b\r\nContent-Type: text/plain\r\n\r\nveo\r\n--b--")]
    [InlineData("--b\r\nContent-Disposition: form-data; name=\"model\"\r\nveo\r\n--b--")]
    [InlineData("no delimiter at all")]
    [InlineData("--bb\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nveo\r\n--b--")]
    public void A_body_that_is_not_well_formed_is_refused(string text)
    {
        Assert.Null(MultipartFormReader.TryRead(Encoding.UTF8.GetBytes(text), "b"));
    }

    [Fact]
    public void An_unfinished_body_after_a_whole_part_is_refused()
    {
        var body = Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nveo\r\n--b\r\nContent-Disposition: form-data; name=\"p\"\r\n\r\ncut");

        Assert.Null(MultipartFormReader.TryRead(body, "b"));
    }
}
