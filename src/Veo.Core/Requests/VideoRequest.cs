namespace Veo.Core.Requests;

/// <summary>What a user asks for, before any route has been chosen. Paths are local files.</summary>
public sealed record VideoRequest
{
    public string Prompt { get; init; } = "";
    /// <summary>A friendly alias (Fast, Standard, Lite, Omni, veo-3.1-fast...) or a route's own model id; empty for the route's default.</summary>
    public string Model { get; init; } = "";
    public int DurationSeconds { get; init; } = 8;
    public string Resolution { get; init; } = "720p";
    public string AspectRatio { get; init; } = "16:9";
    public string? NegativePrompt { get; init; }
    public long? Seed { get; init; }
    /// <summary>The start image, or the first frame when <see cref="LastFrame"/> is set.</summary>
    public string? Image { get; init; }
    public string? LastFrame { get; init; }
    public IReadOnlyList<string> ReferenceImages { get; init; } = Array.Empty<string>();
    /// <summary>False asks for a silent video: only Vertex AI makes one; elsewhere the request is refused with that explanation.</summary>
    public bool? GenerateAudio { get; init; }
    /// <summary>How many videos this one request makes (Vertex AI's sampleCount); each is saved as its own file and billed.</summary>
    public int VideoCount { get; init; } = 1;
    /// <summary>A gs://bucket/folder/ Vertex AI writes the videos to instead of answering them inline.</summary>
    public string? StorageUri { get; init; }
    /// <summary>Whether people may appear (Gemini API: allow_all, allow_adult); each mode takes one value, see the route's rules.</summary>
    public string? PersonGeneration { get; init; }
    /// <summary>Vertex AI: OPTIMIZED or LOSSLESS compression of the videos made (parameters.compressionQuality).</summary>
    public string? CompressionQuality { get; init; }
    /// <summary>Vertex AI: CROP or PAD an image of another shape to fit the video (parameters.resizeMode).</summary>
    public string? ResizeMode { get; init; }
    /// <summary>Vertex AI and unified-video gateways: let the service rewrite the prompt (the gateways translate a Chinese prompt to English).</summary>
    public bool? EnhancePrompt { get; init; }
    /// <summary>Unified-video gateways: upsample the rendered video (enable_upsample).</summary>
    public bool? Upsample { get; init; }
    /// <summary>An earlier video of the same service to continue; <see cref="DurationSeconds"/> is then the seconds added.</summary>
    public ExtensionSource? Extend { get; init; }
    /// <summary>
    /// An earlier video of the same service to change as the prompt says (Gemini Omni's edit task); the edit keeps its
    /// length, so <see cref="DurationSeconds"/> is then the source's, what it is priced by.
    /// </summary>
    public ExtensionSource? Edit { get; init; }

    /// <summary>
    /// How long the video the service hands back is: the source and the extension for an extension, the source's for an
    /// edit, or null when the source's length is unknown.
    /// </summary>
    public int? OutputSeconds => Edit is not null ? Edit.Seconds : Extend is null ? DurationSeconds : Extend.Seconds + DurationSeconds;

    /// <summary>How an error names the video it is about: the prompt, shortened, and what was asked.</summary>
    public override string ToString() =>
        $"\"{(Prompt.Length <= 60 ? Prompt : Prompt.Substring(0, 57) + "...")}\" ({Mode}, {DurationSeconds} s, {Resolution}, {Model})";

    public GenerationMode Mode =>
        Edit is not null ? GenerationMode.Edit
        : Extend is not null ? GenerationMode.Extension
        : ReferenceImages.Count > 0 ? GenerationMode.ReferenceImages
        : LastFrame is not null ? GenerationMode.FirstLastFrame
        : Image is not null ? GenerationMode.ImageToVideo
        : GenerationMode.TextToVideo;
}
