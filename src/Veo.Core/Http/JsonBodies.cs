using System.Net.Http.Headers;
using System.Text.Json;

namespace Veo.Core.Http;

internal static class JsonBodies
{
    /// <summary>A JSON request body written by <paramref name="write"/> (an object's members).</summary>
    public static HttpContent Object(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
