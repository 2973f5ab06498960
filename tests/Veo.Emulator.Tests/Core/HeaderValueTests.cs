namespace Veo.Emulator.Tests.Core;

public sealed class HeaderValueTests
{
    [Fact]
    public void Reads_the_value_and_parameters_with_names_ignoring_case()
    {
        var value = HeaderValue.TryParse("multipart/form-data; BOUNDARY=\"abc def\"; charset=utf-8")!;

        Assert.Equal("multipart/form-data", value.Value);
        Assert.Equal("abc def", value.Parameter("boundary"));
        Assert.Equal("utf-8", value.Parameter("Charset"));
        Assert.Null(value.Parameter("name"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("; boundary=x")]
    [InlineData("multipart/form-data; boundary")]
    [InlineData("multipart/form-data; boundary=\"unclosed")]
    [InlineData("text/plain extra")]
    public void Malformed_values_are_refused(string text) => Assert.Null(HeaderValue.TryParse(text));

    [Theory]
    [InlineData("UTF-8''na%C3%AFve%20frame.png", "naïve frame.png")]
    [InlineData("utf-8'en'plain.png", "plain.png")]
    [InlineData("no-quotes.png", null)]
    [InlineData("UTF-8''bad%zz", null)]
    public void Ext_values_are_decoded(string text, string? expected) => Assert.Equal(expected, HeaderValue.DecodeExtValue(text));
}
