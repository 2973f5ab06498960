namespace Veo.Emulator;

/// <summary>Limits of the Veo 3.1 model itself, which every route passes on.</summary>
internal static class VeoRules
{
    public const int DefaultSeconds = 8;

    public const int MaxReferenceImages = 3;

    public static readonly int[] Durations = [4, 6, 8];

    /// <summary>1080p and 4k are rendered only as 8-second videos.</summary>
    public static bool NeedsEightSeconds(VideoResolution resolution) => resolution != VideoResolution.P720;

    public static VideoResolution? ParseResolution(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "720p" => VideoResolution.P720,
        "1080p" => VideoResolution.P1080,
        "4k" => VideoResolution.K4,
        _ => null,
    };

    public static Orientation? ParseAspectRatio(string? value) => value?.Trim() switch
    {
        "16:9" => Orientation.Landscape,
        "9:16" => Orientation.Portrait,
        _ => null,
    };

    public static (Orientation, VideoResolution)? ParseSize(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "1280x720" => (Orientation.Landscape, VideoResolution.P720),
        "720x1280" => (Orientation.Portrait, VideoResolution.P720),
        "1920x1080" => (Orientation.Landscape, VideoResolution.P1080),
        "1080x1920" => (Orientation.Portrait, VideoResolution.P1080),
        "3840x2160" => (Orientation.Landscape, VideoResolution.K4),
        "2160x3840" => (Orientation.Portrait, VideoResolution.K4),
        _ => null,
    };

    public static string Name(VideoResolution resolution) => resolution switch
    {
        VideoResolution.P360 => "360p",
        VideoResolution.P720 => "720p",
        VideoResolution.P1080 => "1080p",
        _ => "4k",
    };

    public static string AspectRatio(Orientation orientation) => orientation == Orientation.Landscape ? "16:9" : "9:16";
}
