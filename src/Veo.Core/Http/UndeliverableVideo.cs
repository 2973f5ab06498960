namespace Veo.Core.Http;

/// <summary>
/// A gateway's word that a completed task's video cannot be delivered, ever: new-api's video proxy answers 502 with
/// "Failed to fetch video content", "Failed to resolve Gemini video URL" (or Vertex), or "Upstream did not return video
/// content" (controller/video_proxy.go, VideoProxy), often for a video a safety filter removed. Fetching again brings the
/// same answer, so it is not retried.
/// </summary>
internal static class UndeliverableVideo
{
    private static readonly string[] Messages =
    {
        "Failed to fetch video content", "Failed to resolve Gemini video URL", "Failed to resolve Vertex video URL", "Upstream did not return video content",
    };

    /// <summary>Reads the bounded copy of the body that ApiChannel.SendAsync keeps of every refusal, so the retry rules can ask too.</summary>
    public static bool Is(HttpResponseMessage response)
    {
        if ((int)response.StatusCode != 502 || response.Content is not ByteArrayContent) return false;
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return Messages.Any(m => body.IndexOf(m, StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
