using System.Net.Http.Headers;

namespace Veo.Emulator.Tests;

/// <summary>Builds the multipart body of POST /v1/videos the way the LaoZhang examples send it.</summary>
public sealed class VideoForm
{
    private readonly List<(string Name, string? Text, byte[]? File, string? Type, string? FileName)> parts = [];

    public static VideoForm TextToVideo(string model = "veo-3.1-fast-generate-preview", string prompt = "A lighthouse at sunset") =>
        new VideoForm().Field("model", model).Field("prompt", prompt);

    public VideoForm Field(string name, string value)
    {
        parts.Add((name, value, null, null, null));
        return this;
    }

    public VideoForm File(string name, byte[] bytes, string contentType = "image/png", string fileName = "image.png")
    {
        parts.Add((name, null, bytes, contentType, fileName));
        return this;
    }

    public VideoForm Without(string name)
    {
        parts.RemoveAll(p => p.Name == name);
        return this;
    }

    public MultipartFormDataContent Build()
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, text, file, type, fileName) in parts)
        {
            if (file is null)
            {
                content.Add(new StringContent(text!), name);
                continue;
            }
            var filePart = new ByteArrayContent(file);
            filePart.Headers.ContentType = MediaTypeHeaderValue.Parse(type!);
            content.Add(filePart, name, fileName!);
        }
        return content;
    }
}
