namespace Veo.Core.Requests;

/// <summary>The output resolutions Veo 3.1 and Gemini Omni render, spelled as the APIs spell them.</summary>
public static class Resolutions
{
    /// <summary>Gemini Omni's draft size (VideoResponseFormat.resolution "360p", @google/genai 3.6.1 genai.d.ts); Veo makes none.</summary>
    public const string P360 = "360p";
    public const string P720 = "720p";
    public const string P1080 = "1080p";
    public const string K4 = "4k";

    private static readonly string[] Ordered = { P360, P720, P1080, K4 };

    private static readonly string[] Veo = { P720, P1080, K4 };

    /// <summary>What Veo 3.1 renders, lowest first, the order price tables list them in.</summary>
    public static IReadOnlyList<string> All => Veo;

    /// <summary>What Gemini Omni renders: VideoResponseFormat's Resolution type, "360p" | "720p" | "1080p" | "4k".</summary>
    public static IReadOnlyList<string> Omni => Ordered;

    /// <summary>The canonical spelling ("4K" → "4k"), or null when it is not a Veo resolution.</summary>
    public static string? Normalize(string? resolution) =>
        Ordered.FirstOrDefault(r => string.Equals(r, resolution?.Trim(), StringComparison.OrdinalIgnoreCase));

    internal static int Rank(string resolution) => Array.IndexOf(Ordered, resolution);
}
