namespace Veo.Emulator.Tests;

/// <summary>
/// Byte strings that start like real images, which is all the upstream (and the emulator) judges: a request body needs
/// no more. Veo.Core.Tests' TestImages are committed image files instead, since the module reads their dimensions.
/// </summary>
public static class ImageHeaders
{
    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];

    public static byte[] Webp => "RIFF\0\0\0\0WEBPVP8 "u8.ToArray();

    public static byte[] Gif => "GIF89a\u0001\0\u0001\0"u8.ToArray();

    public static string DataUri(byte[] bytes, string type = "image/png") => $"data:{type};base64,{Convert.ToBase64String(bytes)}";
}
