namespace Veo.Core.Requests;

/// <summary>An image that passed the checks: its type judged by its bytes, not its name.</summary>
public sealed record ImageFile(string Path, string MimeType, int Width, int Height, long Length)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The bytes as base64, for dialects that take images inline in JSON.</summary>
    public string ToBase64() => Convert.ToBase64String(File.ReadAllBytes(Path));

    public string ToDataUri() => $"data:{MimeType};base64,{ToBase64()}";
}
