using Veo.Core.Media;

namespace Veo.Core.Requests;

/// <summary>What the rules need to know about one image parameter, read once from disk.</summary>
public sealed record ImageProbe(string Parameter, string Path, bool Exists, long Length, ImageInfo? Info)
{
    public static ImageProbe Of(string parameter, string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists) return new ImageProbe(parameter, path, false, 0, null);
        var info = file.Length == 0 ? null : ImageSniffer.SniffFile(path);
        return new ImageProbe(parameter, path, true, file.Length, info);
    }

    public ImageFile ToImageFile() => new(Path, Info!.MimeType, Info.Width, Info.Height, Length);
}
