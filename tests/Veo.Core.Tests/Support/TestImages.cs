namespace Veo.Core.Tests.Support;

/// <summary>
/// The committed test images (tests/TestData/images), copied next to the test assembly: real files, since the module
/// reads their format and dimensions. The emulator's tests send only ImageHeaders, the bytes the services judge.
/// </summary>
public static class TestImages
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "images", name);

    public static string Landscape720Png => PathOf("frame-1280x720.png");
    public static string Landscape720Jpeg => PathOf("frame-1280x720.jpg");
    public static string Landscape720WebP => PathOf("frame-1280x720.webp");
    public static string Portrait720Png => PathOf("frame-720x1280.png");
    public static string Small => PathOf("small-320x240.png");
    public static string NotAnImage => PathOf("not-an-image.png");
    public static string Empty => PathOf("empty.png");
    public static string Gif => PathOf("picture.gif");
}
