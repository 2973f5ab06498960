namespace Veo.Emulator;

/// <summary>Judges an image by its bytes, as the upstream does, not by what the client claims.</summary>
internal static class ImageSniffer
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static readonly string[] AcceptedTypes = ["image/jpeg", "image/png", "image/webp"];

    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    /// <summary>What is wrong with an image sent as <paramref name="declaredType"/>, or null when it is acceptable.</summary>
    public static string? Problem(string field, byte[] bytes, string declaredType)
    {
        if (bytes.Length == 0) return $"{field} is empty.";
        if (bytes.Length > MaxBytes) return $"{field} is {bytes.Length} bytes; images may be at most 20 MB.";
        var mediaType = declaredType.Split(';')[0].Trim();
        if (!AcceptedTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            return $"{field} is declared as '{declaredType}'; use image/jpeg, image/png or image/webp.";
        if (Sniff(bytes) is null) return $"{field} is not a JPEG, PNG or WebP image (judged by its bytes).";
        return null;
    }
}
