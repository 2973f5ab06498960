namespace Veo.Core.Requests;

/// <summary>The resolutions, aspect ratios and pixel sizes Veo 3.1 produces, spelled the way users type them.</summary>
public static class VideoFormat
{
    public const string Landscape = "16:9";
    public const string Portrait = "9:16";

    public static readonly IReadOnlyList<string> AspectRatios = new[] { Landscape, Portrait };
    public static readonly IReadOnlyList<int> Durations = new[] { 4, 6, 8 };

    /// <summary>"4K", "2160p" and "720P" are what people write; the wire wants "4k" and "720p".</summary>
    public static string NormalizeResolution(string value)
    {
        var v = (value ?? "").Trim().ToLowerInvariant();
        return v switch
        {
            "360" => "360p",
            "720" or "hd" => "720p",
            "1080" or "fhd" or "fullhd" => "1080p",
            "2160p" or "2160" or "uhd" => "4k",
            _ => v,
        };
    }

    public static string NormalizeAspectRatio(string value)
    {
        var v = (value ?? "").Trim().ToLowerInvariant();
        return v switch
        {
            "landscape" or "16x9" or "16/9" => Landscape,
            "portrait" or "9x16" or "9/16" => Portrait,
            _ => v,
        };
    }

    /// <summary>Pixel size for a known resolution and aspect ratio, or null when either is unknown.</summary>
    public static PixelSize? SizeOf(string resolution, string aspectRatio)
    {
        (int w, int h)? landscape = NormalizeResolution(resolution) switch
        {
            "360p" => (640, 360),
            "720p" => (1280, 720),
            "1080p" => (1920, 1080),
            "4k" => (3840, 2160),
            _ => null,
        };
        if (landscape is not { } l) return null;
        return NormalizeAspectRatio(aspectRatio) switch
        {
            Landscape => new PixelSize(l.w, l.h),
            Portrait => new PixelSize(l.h, l.w),
            _ => null,
        };
    }
}

public readonly record struct PixelSize(int Width, int Height)
{
    public override string ToString() => $"{Width}x{Height}";
}
