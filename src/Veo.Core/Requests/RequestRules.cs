using Veo.Core.Models;
using Veo.Core.Routes;

namespace Veo.Core.Requests;

/// <summary>
/// Every rule a request must pass before money is spent, as one table read in order. Each rule reads the model's catalog
/// entry (modes, durations, resolutions, audio: <see cref="ModelEntry"/>) or the route's API capabilities, both data, so a
/// model or route differs by its row, not by code.
/// A rule answers null when satisfied, or a message that says what to change.
/// </summary>
internal static class RequestRules
{
    internal sealed record Rule(string Id, Func<RuleContext, string?> Check);

    internal static readonly IReadOnlyList<Rule> Errors = new Rule[]
    {
        new("prompt-required", c => string.IsNullOrWhiteSpace(c.Request.Prompt)
            ? "The prompt is empty. Pass -Prompt with a description of the video." : null),
        // No route documents a prompt limit. A prompt past this is a file's contents piped by mistake, not a description
        // of eight seconds of video, and it would be paid for.
        new("prompt-bounded", c => c.Request.Prompt.Length > PromptText.MaxLength
            ? $"The prompt is {c.Request.Prompt.Length:N0} characters long; Veo sends at most {PromptText.MaxLength:N0} (a description of an 8-second video is a few hundred). Nothing was sent." : null),
        new("prompt-printable", c => PromptText.FirstControl(c.Request.Prompt) is { } at
            ? $"The prompt holds a control character (U+{(int)c.Request.Prompt[at]:X4} at position {at + 1}), such as a NUL or a terminal escape; only text, tabs and line breaks are sent. Nothing was sent." : null),
        new("negative-prompt-printable", c => c.Request.NegativePrompt is { } negative && PromptText.FirstControl(negative) is { } at
            ? $"The negative prompt holds a control character (U+{(int)negative[at]:X4} at position {at + 1}); only text, tabs and line breaks are sent." : null),
        new("model-known", c => c.Model is null
            ? $"Model '{c.Request.Model}' is not offered on route {c.Route.Name}. Use one of: {string.Join(", ", c.Route.ModelNames)}.{Undeclared(c)}" : null),
        new("duration-supported", c => c.Request.Extend is null && c.Request.Edit?.Seconds is null && !c.Entry.Durations.Contains(c.Request.DurationSeconds)
            ? $"A {c.Request.DurationSeconds}-second video is not possible {c.On}; use -Duration {Durations(c.Entry.Durations)}." : null),
        new("resolution-supported", c => !c.Entry.Resolutions.Contains(c.Request.Resolution)
            ? $"Resolution '{c.Request.Resolution}' is not supported {c.On}; use -Resolution {Or(c.Entry.Resolutions)}." : null),
        new("aspect-supported", c => !c.Entry.AspectRatios.Contains(c.Request.AspectRatio)
            ? $"Aspect ratio '{c.Request.AspectRatio}' is not supported {c.On}; use -AspectRatio {Or(c.Entry.AspectRatios)}." : null),
        new("high-resolution-needs-8s", c => c.Request.Extend is null && c.Entry.EightSecondsOnly.Contains(c.Request.Resolution) && c.Request.DurationSeconds != 8
            ? $"{c.Request.Resolution} is only made as an 8-second video; pass -Duration 8 or choose -Resolution 720p." : null),
        new("last-frame-needs-first", c => c.Request.LastFrame is not null && c.Request.Image is null
            ? "A last frame needs a first frame: pass the first frame with -Image as well as -LastFrame." : null),
        new("reference-count", c => c.Entry.MaxReferenceImages > 0 && c.Request.ReferenceImages.Count > c.Entry.MaxReferenceImages
            ? $"At most {c.Entry.MaxReferenceImages} reference images are allowed {c.On}; {c.Request.ReferenceImages.Count} were given." : null),
        new("reference-not-with-frames", c => c.Request.ReferenceImages.Count > 0 && (c.Request.Image is not null || c.Request.LastFrame is not null)
            ? "Reference images cannot be combined with -Image or -LastFrame; make a reference-image video or a frame-driven one, not both." : null),
        new("text-to-video-supported", c => c.Request.Mode == GenerationMode.TextToVideo && !c.Entry.Supports(GenerationMode.TextToVideo)
            ? $"Model {c.Entry.Id} on route {c.Route.Name} makes no video from a prompt alone; it takes {Or(c.Entry.Modes)}." : null),
        new("image-to-video-supported", c => c.Request.Mode == GenerationMode.ImageToVideo && !c.Entry.Supports(GenerationMode.ImageToVideo)
            ? $"Route {c.Route.Name} cannot animate an image with {c.Entry.Id}; remove -Image or choose another -Route or -Model." : null),
        new("last-frame-supported", c => c.Request.LastFrame is not null && !c.Entry.Supports(GenerationMode.FirstLastFrame)
            ? $"Route {c.Route.Name} has no first/last-frame mode for {c.Entry.Id}; remove -LastFrame, or use -Route {BuiltInRoutes.VertexName}, whose Veo 3.1 takes a last frame." : null),
        new("reference-supported", c => c.Request.ReferenceImages.Count > 0 && !c.Entry.Supports(GenerationMode.ReferenceImages)
            ? $"Route {c.Route.Name} takes no reference images for {c.Entry.Id}; remove -ReferenceImage or choose another -Route or -Model." : null),
        new("negative-prompt-supported", c => HasNegative(c) && !c.Caps.NegativePrompt
            ? $"Route {c.Route.Name} takes no negative prompt; remove -NegativePrompt and say what to avoid in the prompt itself (\"no text on screen\"), or use -Route {BuiltInRoutes.VertexName}, whose Veo 3.1 takes one." : null),
        new("negative-prompt-with-frames", c => HasNegative(c) && c.Caps.NegativePrompt && c.Request.Mode == GenerationMode.FirstLastFrame && !c.Caps.NegativePromptWithFrames
            ? "A negative prompt is not accepted with first/last-frame generation; remove -NegativePrompt and say what to avoid in the prompt." : null),
        new("negative-prompt-with-references", c => HasNegative(c) && c.Caps.NegativePrompt && c.Request.Mode == GenerationMode.ReferenceImages && !c.Caps.NegativePromptWithReferenceImages
            ? "A negative prompt is not accepted with reference images; remove -NegativePrompt and say what to avoid in the prompt." : null),
        // The Gemini API and the gateways refuse generateAudio (python-genai raises for it outside Vertex AI); only Vertex AI turns sound off.
        new("audio-always-on", c => c.Request.GenerateAudio == false && c.Entry.Audio == AudioSupport.Always
            ? $"{c.Entry.Id} on route {c.Route.Name} always generates audio and cannot turn it off (only -Route Vertex can); describe the sound you want (or 'no music, quiet room') in the prompt instead." : null),
        new("seed-range", c => c.Request.Seed is < 0 or > uint.MaxValue
            ? $"The seed must be a whole number from 0 to {uint.MaxValue}; {c.Request.Seed} was given." : null),
        new("seed-supported", c => c.Request.Seed is not null && !c.Caps.Seed
            ? $"Route {c.Route.Name} does not take a seed; remove -Seed (-Route Vertex and -Route LaoZhang take one)." : null),
        new("video-count-supported", c => c.Request.VideoCount != 1 && c.Caps.MaxVideosPerRequest == 1
            ? $"Route {c.Route.Name} makes one video per request; remove -VideoCount (pipe several prompts in), or use -Route Vertex, which makes up to 4." : null),
        new("video-count-range", c => c.Caps.MaxVideosPerRequest > 1 && (c.Request.VideoCount < 1 || c.Request.VideoCount > c.Caps.MaxVideosPerRequest)
            ? $"-VideoCount must be from 1 to {c.Caps.MaxVideosPerRequest} on {c.Route.Name}; {c.Request.VideoCount} was given." : null),
        new("storage-uri-supported", c => c.Request.StorageUri is not null && !c.Caps.StorageUri
            ? $"Route {c.Route.Name} cannot write videos to a bucket; remove -StorageUri." : null),
        new("storage-uri-form", c => c.Request.StorageUri is { } uri && c.Caps.StorageUri && !GcsUri.TryParse(uri, out _, out _)
            ? $"-StorageUri '{uri}' is not a Cloud Storage folder; write it as gs://bucket/folder/." : null),
        new("project-required", c => c.Route.Dialect == Dialect.Vertex && c.Route.Project is null
            ? $"Route {c.Route.Name} needs a Google Cloud project: pass Connect-Veo -Route {c.Route.Name} -Project <id>, or set {VertexEndpoints.ProjectVariable}." : null),
        new("person-generation-supported", c => c.Request.PersonGeneration is not null && c.Caps.PersonGeneration is null
            ? $"Route {c.Route.Name} takes no person-generation setting; remove -PersonGeneration (Veo 3.1 took one on the Gemini API, where it is no longer served)." : null),
        new("person-generation-mode", c => c.Request.PersonGeneration is { } asked && c.Caps.PersonGeneration is { } allowed
                                            && allowed.TryGetValue(c.Request.Mode, out var value) && !string.Equals(asked.Trim(), value, StringComparison.OrdinalIgnoreCase)
            ? $"-PersonGeneration {asked} is not taken for {c.Request.Mode} on {c.Route.Name}; that mode takes {value} only." : null),
        new("enhance-prompt-supported", c => c.Request.EnhancePrompt is not null && !c.Caps.EnhancePrompt
            ? $"Route {c.Route.Name} takes no prompt enhancement; remove -EnhancePrompt. The unified-video gateways and Vertex AI (-Route {BuiltInRoutes.VertexName}) take it; the Gemini API's Veo 3.1 parameters do not list it, and the LaoZhang gateway documents none." : null),
        new("upsample-supported", c => c.Request.Upsample is not null && c.Caps.UpsampleAspectRatios.Count == 0
            ? $"Route {c.Route.Name} takes no upsampling; remove -Upsample (the unified-video gateways take it)." : null),
        new("upsample-aspect", c => c.Request.Upsample == true && c.Caps.UpsampleAspectRatios.Count > 0 && !c.Caps.UpsampleAspectRatios.Contains(c.Request.AspectRatio)
            ? $"Upsampling is made for {Or(c.Caps.UpsampleAspectRatios)} videos only on {c.Route.Name}; remove -Upsample or use -AspectRatio {c.Caps.UpsampleAspectRatios[0]}." : null),
        new("compression-quality-supported", c => c.Request.CompressionQuality is { } quality && !c.Caps.CompressionQualities.Contains(quality)
            ? c.Caps.CompressionQualities.Count == 0
                ? $"Route {c.Route.Name} takes no compression setting; remove -CompressionQuality (only Vertex AI, -Route {BuiltInRoutes.VertexName}, takes one)."
                : $"-CompressionQuality {quality} is not taken on {c.Route.Name}; use {Or(c.Caps.CompressionQualities)}." : null),
        new("resize-mode-supported", c => c.Request.ResizeMode is { } mode && !c.Caps.ResizeModes.Contains(mode)
            ? c.Caps.ResizeModes.Count == 0
                ? $"Route {c.Route.Name} takes no resize setting; remove -ResizeMode (only Vertex AI, -Route {BuiltInRoutes.VertexName}, takes one)."
                : $"-ResizeMode {mode} is not taken on {c.Route.Name}; use {Or(c.Caps.ResizeModes)}." : null),
        new("resize-mode-needs-image", c => c.Request.ResizeMode is not null && c.Caps.ResizeModes.Count > 0 && c.Request.Image is null
            ? "-ResizeMode says how an image is fitted to the video; pass the image with -Image, or remove -ResizeMode." : null),
    }.Concat(ExtensionRules.Errors).Concat(EditRules.Errors).ToList();

    /// <summary>Rules for each image parameter, checked on the file's bytes.</summary>
    internal static readonly IReadOnlyList<Func<ImageProbe, RouteCapabilities, string?>> ImageErrors = new Func<ImageProbe, RouteCapabilities, string?>[]
    {
        (p, _) => !p.Exists && Directory.Exists(p.Path) ? $"'{p.Path}' given to -{p.Parameter} is a folder; give one image file in it." : null,
        (p, _) => !p.Exists && !Directory.Exists(p.Path) ? $"The image '{p.Path}' given to -{p.Parameter} does not exist." : null,
        (p, _) => p.Exists && p.Length == 0 ? $"The image '{p.Path}' given to -{p.Parameter} is empty." : null,
        (p, caps) => p.Length > caps.MaxImageBytes
            ? $"The image '{p.Path}' given to -{p.Parameter} is {p.Length / 1_000_000.0:0.#} MB; the API takes at most {caps.MaxImageBytes / 1_000_000} MB. Resize or recompress it." : null,
        (p, caps) => p.Length > 0 && p.Length <= caps.MaxImageBytes && (p.Info is null || !caps.ImageTypes.Contains(p.Info.MimeType))
            ? $"The file '{p.Path}' given to -{p.Parameter} is not a JPEG, PNG or WebP image (judged by its content, not its name)." : null,
    };

    private static bool HasNegative(RuleContext c) => !string.IsNullOrWhiteSpace(c.Request.NegativePrompt);

    /// <summary>For an id (not an alias) the catalog lacks: how to declare it, so it can be used like a built-in model.</summary>
    private static string Undeclared(RuleContext c) =>
        string.IsNullOrWhiteSpace(c.Request.Model) || ModelFamilies.Aliases.ContainsKey(c.Request.Model.Trim()) ? ""
            : $" If the service serves '{c.Request.Model.Trim()}', declare it in {Path.Combine(RouteRegistry.ConfigFolder(), ModelCatalog.FileName)} " +
              $"(an entry with Route '{c.Route.Name}' and Id '{c.Request.Model.Trim()}'; Get-VeoModel -Route {c.Route.Name} shows entries to start from).";

    /// <summary>A long run of whole seconds (Gemini Omni's 3 to 15) said as a range.</summary>
    private static string Durations(IReadOnlyList<int> seconds) =>
        seconds.Count > 3 && seconds[seconds.Count - 1] - seconds[0] == seconds.Count - 1 ? $"{seconds[0]} to {seconds[seconds.Count - 1]}" : Or(seconds);

    internal static string Or<T>(IReadOnlyList<T> values) =>
        values.Count == 1 ? $"{values[0]}" : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[values.Count - 1];
}

internal sealed record RuleContext(VideoRequest Request, VideoRoute Route, ModelEntry? Model)
{
    /// <summary>What the route's API takes whatever the model.</summary>
    public RouteCapabilities Caps => Route.Capabilities;

    /// <summary>The model's entry; the route's default while the model is unknown (model-known says so), so the other rules still speak.</summary>
    public ModelEntry Entry => Model ?? Route.DefaultModel!;

    /// <summary>"on Crazyrouter", or "on Google (veo-3.1-lite-generate-preview)" where the route serves several models.</summary>
    public string On => Route.Models.Count > 1 ? $"on {Route.Name} ({Entry.Id})" : $"on {Route.Name}";

    /// <summary>The time rules about a source video's age are judged at.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;
}
