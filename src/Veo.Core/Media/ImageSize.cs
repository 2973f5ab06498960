namespace Veo.Core.Media;

internal static class ImageSize
{
    /// <summary>A zero or overflowing size means the header is damaged, so the image is not one we can vouch for.</summary>
    public static bool IsPlausible(long width, long height) =>
        width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue;
}
