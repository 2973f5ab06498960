namespace Veo.Core.Requests;

/// <summary>An image that passed the checks: its type judged by its bytes, not its name.</summary>
public sealed record ImageFile(string Path, string MimeType, int Width, int Height, long Length)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}
