namespace Veo.Core.Routes;

/// <summary>
/// What a route's API accepts whatever the model: the data the request rules read beside the model's catalog entry
/// (<see cref="Models.ModelEntry"/>: modes, durations, resolutions, audio, extension). One instance per route, so adding
/// a gateway means writing a table, not new ifs.
/// </summary>
public sealed record RouteCapabilities
{
    /// <summary>Veo refuses a negative prompt in first/last-frame and reference-image modes.</summary>
    public bool NegativePromptWithFrames { get; init; }
    public bool NegativePromptWithReferenceImages { get; init; }
    /// <summary>Whether the model takes a negative prompt at all (Gemini Omni has no such field: say it in the prompt).</summary>
    public bool NegativePrompt { get; init; } = true;
    public bool Seed { get; init; } = true;
    /// <summary>How many videos one request may ask for (Vertex AI's sampleCount); 1 where the API has no such field.</summary>
    public int MaxVideosPerRequest { get; init; } = 1;
    /// <summary>Whether the finished videos can be written to a gs:// bucket instead of being answered inline.</summary>
    public bool StorageUri { get; init; }
    /// <summary>Largest image the route takes; the gateways document 20 MB for uploads.</summary>
    public long MaxImageBytes { get; init; } = 20L * 1000 * 1000;
    public IReadOnlyList<string> ImageTypes { get; init; } = new[] { "image/jpeg", "image/png", "image/webp" };
    /// <summary>The personGeneration value each mode takes; null when the route takes none.</summary>
    public IReadOnlyDictionary<Requests.GenerationMode, string>? PersonGeneration { get; init; }
    /// <summary>The compressionQuality values the route takes (Vertex AI); empty where it takes none.</summary>
    public IReadOnlyList<string> CompressionQualities { get; init; } = Array.Empty<string>();
    /// <summary>The resizeMode values the route takes for an image input (Vertex AI); empty where it takes none.</summary>
    public IReadOnlyList<string> ResizeModes { get; init; } = Array.Empty<string>();
    /// <summary>Takes prompt enhancement (Vertex AI's enhancePrompt, the unified-video family's enhance_prompt).</summary>
    public bool EnhancePrompt { get; init; }
    /// <summary>Takes enable_upsample (the unified-video family), and for which aspect ratios.</summary>
    public IReadOnlyList<string> UpsampleAspectRatios { get; init; } = Array.Empty<string>();
}
