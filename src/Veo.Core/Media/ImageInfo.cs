namespace Veo.Core.Media;

/// <summary>An image's format and size, as read from its first bytes.</summary>
/// <param name="MimeType"><c>image/jpeg</c>, <c>image/png</c> or <c>image/webp</c>.</param>
public sealed record ImageInfo(string MimeType, int Width, int Height);
