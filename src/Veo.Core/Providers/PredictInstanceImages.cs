using System.Text.Json;
using Veo.Core.Requests;

namespace Veo.Core.Providers;

/// <summary>
/// The images of a predictLongRunning instance, the same in the Gemini API and Vertex AI (python-genai
/// _Image_to_mldev / _Image_to_vertex both write bytesBase64Encoded and mimeType; reference images carry referenceType).
/// </summary>
internal static class PredictInstanceImages
{
    public static void Write(Utf8JsonWriter json, PreparedRequest prepared)
    {
        if (prepared.FirstFrame is { } first) WriteImage(json, "image", first);
        if (prepared.LastFrame is { } last) WriteImage(json, "lastFrame", last);
        if (prepared.ReferenceImages.Count == 0) return;
        json.WriteStartArray("referenceImages");
        foreach (var reference in prepared.ReferenceImages)
        {
            json.WriteStartObject();
            WriteImage(json, "image", reference);
            json.WriteString("referenceType", "ASSET");
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteImage(Utf8JsonWriter json, string name, ImageFile image)
    {
        json.WriteStartObject(name);
        json.WriteString("bytesBase64Encoded", image.ToBase64());
        json.WriteString("mimeType", image.MimeType);
        json.WriteEndObject();
    }
}
