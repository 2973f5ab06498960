namespace Veo.Core.Requests;

/// <summary>The output resolutions the models render (360p is Gemini Omni's), spelled as the APIs spell them.</summary>
public static class Resolutions
{
    public const string P360 = "360p";
    public const string P720 = "720p";
    public const string P1080 = "1080p";
    public const string K4 = "4k";

    private static readonly string[] Ordered = { P360, P720, P1080, K4 };

    /// <summary>Lowest first, the order price tables list them in.</summary>
    public static IReadOnlyList<string> All => Ordered;

    /// <summary>The canonical spelling ("4K" → "4k"), or null when it is not a Veo resolution.</summary>
    public static string? Normalize(string? resolution) =>
        Ordered.FirstOrDefault(r => string.Equals(r, resolution?.Trim(), StringComparison.OrdinalIgnoreCase));

    internal static int Rank(string resolution) => Array.IndexOf(Ordered, resolution);
}
