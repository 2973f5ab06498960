namespace Veo.Core.Routes;

/// <summary>The wire protocols Veo speaks; every gateway is one of these.</summary>
/// <remarks>Based on long so ConvertTo-Json writes its name: see <see cref="Veo.Core.Tasks.VideoTaskStatus"/>.</remarks>
public enum Dialect : long
{
    /// <summary>Multipart POST /v1/videos, GET /v1/videos/{id}, GET /v1/videos/{id}/content (LaoZhang, OpenAI).</summary>
    OpenAIVideos,
    /// <summary>JSON POST /v1/video/create, GET /v1/video/query?id= (Crazyrouter and its family).</summary>
    UnifiedVideo,
    /// <summary>Google's predictLongRunning + operations (Gemini API, direct).</summary>
    Gemini,
    /// <summary>Vertex AI: predictLongRunning under projects/{p}/locations/{l}, polled with fetchPredictOperation, OAuth Bearer token.</summary>
    Vertex,
    /// <summary>
    /// Google's Interactions API (Gemini Omni on the Gemini API): POST /v1/interactions with background: true, polled with
    /// GET /v1/interactions/{id}, cancelled with POST /v1/interactions/{id}/cancel; x-goog-api-key.
    /// </summary>
    Interactions,
}
