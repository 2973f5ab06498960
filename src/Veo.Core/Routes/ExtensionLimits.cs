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

    /// <summary>Longest source video accepted: "Input Video Limits: Max 141 seconds" (help.apiyi.com, quoting the Gemini API page).</summary>
    public int MaxSourceSeconds { get; init; } = 141;

    /// <summary>"Max extension count: 20 times ... 8s original + 20 × 7s extensions = 148s" (help.apiyi.com; aifreeapi.com, December 2025).</summary>
    public int MaxExtensions { get; init; } = 20;

    /// <summary>"Output resolution 720p: extension output is currently limited to 720p" (help.apiyi.com); aifreeapi.com: "video extension requires 720p resolution".</summary>
    public IReadOnlyList<string> Resolutions { get; init; } = new[] { Requests.Resolutions.P720 };

    /// <summary>Generated videos are kept on the server for 2 days (Gemini API docs, as in APIS.md); after that the URI names nothing.</summary>
    public TimeSpan SourceLifetime { get; init; } = TimeSpan.FromDays(2);

    /// <summary>The Gemini API's extension of its own Veo 3.1 videos.</summary>
    public static readonly ExtensionLimits GeminiApi = new();
}
