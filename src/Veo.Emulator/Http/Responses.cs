using System.Text;

namespace Veo.Emulator;

/// <summary>The kinds of answer the endpoints give, with the Content-Types Kestrel would have sent for them.</summary>
internal static class Responses
{
    public static EmulatorResponse Text(string text, string contentType, int statusCode = 200) =>
        EmulatorResponse.FromBytes(statusCode, contentType, Encoding.UTF8.GetBytes(text));

    public static EmulatorResponse Json(string json, int statusCode = 200) =>
        EmulatorResponse.FromBytes(statusCode, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(json));

    public static EmulatorResponse Stream(Stream body, string contentType) => EmulatorResponse.FromStream(200, contentType, body);

    public static EmulatorResponse Redirect(string location)
    {
        var response = EmulatorResponse.Empty(302);
        response.Headers["Location"] = location;
        return response;
    }

    public static EmulatorResponse NoContent() => EmulatorResponse.Empty(204);
}
