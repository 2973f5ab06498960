namespace Veo.Core.Routes;

/// <summary>
/// What a route's extension of an earlier video may be; a route without these cannot extend. Each figure names its
/// source: Google's own pages where they could be read, otherwise the guides that quote Google's Gemini API page
/// (https://ai.google.dev/gemini-api/docs/video, "Extending Veo videos"), which could not be read directly here.
/// </summary>
public sealed record ExtensionLimits
{
    /// <summary>
    /// Seconds each extension adds and bills. Google Cloud, "Extend videos" (docs.cloud.google.com/.../video/extend-videos):
    /// "With Veo, the input video ... can be extended by 7 seconds"; for the Gemini API, help.apiyi.com ("Each extend
    /// call adds a fixed 7-second video segment") and aifreeapi.com ("Each extension hop adds 7 seconds").
    /// </summary>
    public int AddedSeconds { get; init; } = 7;

    /// <summary>The seconds an extension may add where the caller chooses (Gemini Omni: 3 to 10); null where the service fixes <see cref="AddedSeconds"/>.</summary>
    public IReadOnlyList<int>? AddedChoices { get; init; }

    /// <summary>The longest the extended video may be in all; null where only <see cref="MaxSourceSeconds"/> bounds it.</summary>
    public int? MaxTotalSeconds { get; init; }

    /// <summary>Longest source video accepted: "Input Video Limits: Max 141 seconds" (help.apiyi.com, quoting the Gemini API page).</summary>
    public int MaxSourceSeconds { get; init; } = 141;

    /// <summary>"Max extension count: 20 times ... 8s original + 20 × 7s extensions = 148s" (help.apiyi.com; aifreeapi.com, December 2025).</summary>
    public int MaxExtensions { get; init; } = 20;

    /// <summary>"Output resolution 720p: extension output is currently limited to 720p" (help.apiyi.com); aifreeapi.com: "video extension requires 720p resolution".</summary>
    public IReadOnlyList<string> Resolutions { get; init; } = new[] { Requests.Resolutions.P720 };

    /// <summary>
    /// Generated videos are kept on the server for 2 days (Gemini API docs, as in APIS.md); after that the URI names nothing.
    /// Null where the service keeps nothing the extension depends on (Vertex AI is sent the video itself).
    /// </summary>
    public TimeSpan? SourceLifetime { get; init; } = TimeSpan.FromDays(2);

    /// <summary>The Gemini API's extension of its own Veo 3.1 videos.</summary>
    public static readonly ExtensionLimits GeminiApi = new();

    /// <summary>
    /// Vertex AI's extension: the request carries the video itself, as a gs:// object (gcsUri) or inline bytes
    /// (bytesBase64Encoded): python-genai _Video_to_vertex, and its test table's test_from_text_and_video_source, which
    /// sends a gs:// video with veo-3.1-generate-preview on Vertex AI and is refused only for the Gemini API. Google Cloud,
    /// "Extend Veo on Vertex AI-generated videos" (docs.cloud.google.com/vertex-ai/generative-ai/docs/video/extend-a-veo-video):
    /// "extend videos that you previously generated using Veo that are 1 to 30 seconds in length", with veo-3.1-generate-001,
    /// veo-3.1-fast-generate-001 and the preview ids among the models that extend. 7 seconds added, at 720p and 1080p: the
    /// Vertex-based reference at docs.jiekou.ai ("Veo 3.1 Video Extension": "extend an input video by 7 seconds. Supports
    /// 720p and 1080p"; "duration of 1–30 seconds"), a secondary source; Google's Veo 3.1 model page excepts extension
    /// from 1080p for the Standard model (BuiltInRoutes.VertexStandard), and that is followed there. No count of extensions is stated: the 30-second
    /// limit is what ends a chain (8 + 7 + 7 + 7 = 29 s can be extended once more). Nothing is kept for it on Google's
    /// side, so no lifetime applies: a gs:// source lives as long as its bucket keeps it.
    /// </summary>
    /// <summary>
    /// Gemini Omni's extension on the Gemini API: the task extend, continuing the interaction that made the source
    /// (previous_interaction_id), by 3 to 10 seconds, up to 30 seconds in all: "延長 1ターンにつき3〜10秒" and "Gemini API のドキュメントでは
    /// 合計30秒" (apidog.com, "Gemini Omni 1.2 Flash or Veo", specs read from Google's documentation 2026-11-06; secondary), and
    /// the reading of Vercel AI Gateway's changelog (3–10 s, up to 30 s). At every resolution the model makes (no
    /// source limits it to one). No count of extensions is stated: the 30 seconds end a chain. The interaction must still be
    /// stored on the service; how long it is kept is not stated, so no lifetime is checked here (the service refuses a
    /// previous_interaction_id it no longer has).
    /// </summary>
    public static readonly ExtensionLimits GeminiOmni = new()
    {
        AddedSeconds = 8,
        AddedChoices = Enumerable.Range(3, 8).ToArray(),
        MaxTotalSeconds = 30,
        MaxSourceSeconds = 27,
        MaxExtensions = int.MaxValue,
        Resolutions = Requests.Resolutions.Omni,
        SourceLifetime = null,
    };

    public static readonly ExtensionLimits VertexAi = new()
    {
        MaxSourceSeconds = 30,
        MaxExtensions = int.MaxValue,
        Resolutions = new[] { Requests.Resolutions.P720, Requests.Resolutions.P1080 },
        SourceLifetime = null,
    };
}
