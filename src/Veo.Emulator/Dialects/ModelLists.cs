using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>
/// What each service lists as the models it serves, from the models this emulator serves (retired ones left out), in
/// each service's own shape.
/// </summary>
internal static class ModelLists
{
    /// <summary>Google's models.list: "If unspecified, 50 models will be returned per page ... at most 1000 models per page".</summary>
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 1000;

    /// <summary>new-api writes this time for every model it has no date for (controller/model.go: Created: 1626777600).</summary>
    private const long NewApiCreated = 1626777600;

    public static void Map(RouteTable app, EmulatorState state)
    {
        app.MapGet("/v1/models", request => Gateway(request, state));
        app.MapGet("/v1beta/models", request => Gemini(request, state));
    }

    /// <summary>
    /// The gateways' GET /v1/models, as new-api answers it (QuantumNous/new-api controller/model.go ListModels, default
    /// case): OpenAI's list {"object":"list","data":[{"id","object":"model","created","owned_by"}]} plus "success": true
    /// and each model's supported_endpoint_types (dto.OpenAIModels). A video model of the OpenAI-Videos kind has
    /// "openai-video" (constant/endpoint_type.go EndpointTypeOpenAIVideo); the unified-video family names its endpoint
    /// "unified-video" (Crazyrouter's public_endpoint_types, APIS.md §2). One emulator serves both gateways, so both lists.
    /// </summary>
    private static EmulatorResponse Gateway(EmulatorRequest request, EmulatorState state)
    {
        if (NewApiErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        var data = new JsonArray();
        foreach (var (id, endpoint) in OpenAIVideosRequest.Models.Select(m => (m, "openai-video"))
                     .Concat(UnifiedVideoRequest.Models.Concat(state.Options.AddedGatewayModels).Select(m => (m, "unified-video"))))
        {
            if (state.Faults.IsRetired(id)) continue;
            data.Add(new JsonObject
            {
                ["id"] = id,
                ["object"] = "model",
                ["created"] = NewApiCreated,
                ["owned_by"] = "custom",
                ["supported_endpoint_types"] = new JsonArray(endpoint),
            });
        }
        return Wire.Json(new JsonObject { ["success"] = true, ["object"] = "list", ["data"] = data });
    }

    /// <summary>
    /// The Gemini API's GET v1beta/models (ai.google.dev/api/models, models.list; python-genai models.list reads "models"
    /// and "nextPageToken"): pageSize (default 50, at most 1000) and pageToken, the nextPageToken of the page before; the
    /// last page has none. Each model: name "models/{id}", version, displayName, description, supportedGenerationMethods.
    /// </summary>
    private static EmulatorResponse Gemini(EmulatorRequest request, EmulatorState state)
    {
        if (GoogleErrors.RejectUnlessAuthorized(request, state.Options.ApiKey) is { } rejection) return rejection;
        var size = DefaultPageSize;
        if (request.Query("pageSize") is { Length: > 0 } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 0))
            return GoogleErrors.InvalidArgument($"Invalid value at 'page_size' (TYPE_INT32), \"{sizeText}\"");
        size = size == 0 ? DefaultPageSize : Math.Min(size, MaxPageSize);
        var start = 0;
        if (request.Query("pageToken") is { Length: > 0 } token && !TryReadToken(token, out start))
            return GoogleErrors.InvalidArgument("Invalid page token.");

        // Gemini Omni first; the Veo ids only while they are served (GeminiVeoServed), since their shut-down on 2026-10-22.
        var served = InteractionsRequest.Models.Keys.Concat(state.Options.GeminiVeoServed ? GeminiRequest.Models : [])
            .Where(m => !state.Faults.IsRetired(m)).ToList();
        var models = new JsonArray();
        foreach (var id in served.Skip(start).Take(size))
        {
            var omni = InteractionsRequest.Models.ContainsKey(id);
            models.Add(new JsonObject
            {
                ["name"] = $"models/{id}",
                ["version"] = omni ? id.Split('-')[2] : "3.1",
                ["displayName"] = DisplayName(id),
                ["description"] = DisplayName(id),
                // Omni's videos come from the Interactions API, which models.list names no method for: generateContent is
                // what Gemini models list (an assumption of the emulator); Veo's from predictLongRunning.
                ["supportedGenerationMethods"] = new JsonArray(omni ? "generateContent" : "predictLongRunning"),
            });
        }
        var body = new JsonObject { ["models"] = models };
        if (start + size < served.Count) body["nextPageToken"] = Token(start + size);
        return Wire.Json(body);
    }

    private static string DisplayName(string id) => id switch
    {
        _ when id.StartsWith("gemini-omni-", StringComparison.Ordinal) => $"Gemini Omni {id.Split('-')[2]} Flash",
        GeminiRequest.LiteModel => "Veo 3.1 Lite",
        _ when id.Contains("-fast-") => "Veo 3.1 Fast",
        _ => "Veo 3.1",
    };

    /// <summary>Opaque to clients, as Google's are: the offset, base64url.</summary>
    private static string Token(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.Substring(7), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
