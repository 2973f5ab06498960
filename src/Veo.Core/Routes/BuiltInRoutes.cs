namespace Veo.Core.Routes;

/// <summary>The routes Veo knows out of the box; users can register more of a known dialect.</summary>
public static class BuiltInRoutes
{
    public const string LaoZhangName = "LaoZhang";
    public const string CrazyrouterName = "Crazyrouter";
    public const string GoogleName = "Google";
    public const string VertexName = "Vertex";

    /// <summary>LaoZhang's official forwarding: per-call billing; refuses a negative prompt with any image frames.</summary>
    public static readonly VideoRoute LaoZhang = new(
        LaoZhangName,
        Dialect.OpenAIVideos,
        new Uri("https://api.laozhang.ai/"),
        "LAOZHANG_API_KEY",
        new[]
        {
            new RouteModel(RouteModel.FastFamily, "veo-3.1-fast-generate-preview"),
            new RouteModel(RouteModel.StandardFamily, "veo-3.1-generate-preview"),
        },
        new RouteCapabilities())
    {
        Quota = RouteQuota.Gateway(LaoZhangName),
    };

    /// <summary>Crazyrouter's unified video API: per-second billing; its public contract is text- and single-image-to-video at 720P.</summary>
    public static readonly VideoRoute Crazyrouter = new(
        CrazyrouterName,
        Dialect.UnifiedVideo,
        new Uri("https://cn.crazyrouter.com/"),
        "CRAZYROUTER_API_KEY",
        new[]
        {
            new RouteModel(RouteModel.FastFamily, "veo-3.1-fast"),
            new RouteModel(RouteModel.StandardFamily, "veo-3.1"),
        },
        new RouteCapabilities
        {
            Resolutions = new[] { "720p" },
            FirstLastFrame = false,
            MaxReferenceImages = 0,
            // The unified format's create takes both flags: docs.fast-token.com "Create video" (POST /v1/video/create):
            // enhance_prompt "auto-translate Chinese to English", enable_upsample "Enable upsampling"; docs.octopusx.ai
            // (Unified Video, Create Video): upsampling is "landscape only".
            EnhancePrompt = true,
            UpsampleAspectRatios = new[] { Requests.VideoFormat.Landscape },
        })
    {
        Quota = RouteQuota.Gateway(CrazyrouterName),
    };

    /// <summary>
    /// Google's Gemini API, direct: Gemini Omni through the Interactions API. "Use Gemini Omni Flash as your default model for
    /// video generation" (ai.google.dev/gemini-api/docs/video, "Video generation in the Gemini API", read 2026-12-06), and
    /// @google/genai 3.1.0 (2026-11-10) to 3.6.1 throw for generateVideos unless in Vertex mode (dist/index.mjs,
    /// generateVideosInternal). The route's Veo 3.1 ids were shut down (<see cref="VeoShutDown"/>): they stay listed so a
    /// script that names them, or -Extend of a video made there, is told what happened and what to use, before any call.
    /// </summary>
    public static readonly VideoRoute Google = new(
        GoogleName,
        Dialect.Interactions,
        new Uri("https://generativelanguage.googleapis.com/"),
        "GEMINI_API_KEY",
        new[]
        {
            new RouteModel(RouteModel.OmniFamily, "gemini-omni-1.2-flash") { Default = true, Capabilities = Omni12 },
            new RouteModel(RouteModel.OmniFamily, "gemini-omni-1.1-flash") { Capabilities = Omni11 },
            new RouteModel(RouteModel.FastFamily, "veo-3.1-fast-generate-preview") { ShutDown = VeoShutDown },
            new RouteModel(RouteModel.StandardFamily, "veo-3.1-generate-preview") { ShutDown = VeoShutDown },
            new RouteModel(RouteModel.LiteFamily, "veo-3.1-lite-generate-preview") { ShutDown = VeoShutDown },
        },
        Omni12)
    {
        Quota = RouteQuota.Google,
    };

    /// <summary>
    /// The Gemini API's Veo 3.1 preview ids: "Google shut down veo-3.1-generate-preview, veo-3.1-fast-generate-preview, and
    /// veo-3.1-lite-generate-preview on October 22, 2026", "Google lists gemini-omni-1.1-flash as the replacement", citing
    /// ai.google.dev/gemini-api/docs/deprecations (docs.apiyi.com, "Veo 3.1 Preview retired", 2026-10-25; secondary: Google's
    /// page itself could not be read here). apidog.com ("Gemini Omni 1.2 Flash or Veo", read from Google's docs 2026-11-06)
    /// says the same date. Vertex AI keeps Veo 3.1 (veo-3.1-generate-001 and -fast-generate-001).
    /// </summary>
    internal static ModelShutDown VeoShutDown => new(
        new DateTimeOffset(2026, 10, 22, 0, 0, 0, TimeSpan.Zero),
        "Google's deprecations page, ai.google.dev/gemini-api/docs/deprecations, as quoted by docs.apiyi.com on 2026-10-25",
        "For Veo 3.1 (extension, last frame, seed, negative prompt) use -Route Vertex; for the Gemini API's video model use -Model Omni (Google names gemini-omni-1.1-flash as the replacement; Omni picks gemini-omni-1.2-flash).");

    /// <summary>
    /// Gemini Omni 1.2 Flash on the Gemini API. Durations 3–15 s in whole seconds, 360p to 4K, 16:9 and 9:16, up to six
    /// reference images: apidog.com "Gemini Omni 1.2 Flash or Veo" (Google's docs as of 2026-11-06: "3〜15秒(1秒刻み)",
    /// "360p、720p、1080p、4K"); developer.civitai.com Gemini Omni recipe ("up to six images", "3–15 seconds"); docs.laozhang.ai
    /// (2026-11-11, "up to 6 reference images"): all secondary. The resolutions and the two aspect ratios are also the types
    /// of @google/genai 3.6.1 (VideoResponseFormat: Resolution, VideoResponseFormatAspectRatio). No last frame ("Use Veo 3.1
    /// for ... last-frame control", Google's video page), no negative prompt ("非対応。プロンプト本文に記述する", apidog), no seed
    /// or sound switch for video in any source, one video per request. Extension: <see cref="ExtensionLimits.GeminiOmni"/>.
    /// </summary>
    private static RouteCapabilities Omni12 => new()
    {
        Durations = Enumerable.Range(3, 13).ToArray(),
        Resolutions = Requests.Resolutions.Omni,
        ResolutionsNeedingEightSeconds = Array.Empty<string>(),
        FirstLastFrame = false,
        MaxReferenceImages = 6,
        NegativePrompt = false,
        Seed = false,
        Extension = ExtensionLimits.GeminiOmni,
    };

    /// <summary>
    /// Gemini Omni 1.1 Flash (GA 2026-08-27): 3–10 s ("All four generate 3 to 10 second clips", wavespeed.ai; "version 1.1
    /// chooses 3–10 seconds", developer.civitai.com), 360p to 4K; "up to five reference images" (runware.ai). Secondary.
    /// </summary>
    private static RouteCapabilities Omni11 => Omni12 with { Durations = Enumerable.Range(3, 8).ToArray(), MaxReferenceImages = 5 };

    /// <summary>
    /// Veo 3.1 through predictLongRunning (the Gemini dialect) as the Gemini API served it until 2026-10-22: no built-in route
    /// speaks it any more, but a registered gateway of that dialect (a proxy that still forwards it) borrows these models and rules.
    /// </summary>
    internal static readonly VideoRoute GeminiVeo = new(
        GoogleName,
        Dialect.Gemini,
        new Uri("https://generativelanguage.googleapis.com/"),
        "GEMINI_API_KEY",
        new[]
        {
            new RouteModel(RouteModel.FastFamily, "veo-3.1-fast-generate-preview"),
            new RouteModel(RouteModel.StandardFamily, "veo-3.1-generate-preview"),
            new RouteModel(RouteModel.LiteFamily, "veo-3.1-lite-generate-preview") { Capabilities = GeminiLite },
        },
        GeminiApi);

    /// <summary>The built-in route whose models and rules a registered gateway of <paramref name="dialect"/> borrows.</summary>
    internal static VideoRoute TemplateFor(Dialect dialect) => All.FirstOrDefault(r => r.Dialect == dialect) ?? GeminiVeo;

    /// <summary>
    /// The official SDK refuses a seed for the Gemini API (it is a Vertex AI parameter). No prompt enhancement: python-genai
    /// has sent enhance_prompt to the Gemini API since 2025-06 (commit 92ca562e), but its Veo 3.1 case for the Gemini API
    /// (tests/models/test_generate_videos.py, test_all_parameters_veo3_mldev) sends none, and Google's Veo 3.1 parameter
    /// table does not list it, so nothing shows Veo 3.1 there taking it.
    /// </summary>
    private static RouteCapabilities GeminiApi => new() { Seed = false, Extension = ExtensionLimits.GeminiApi, PersonGeneration = GeminiPersonGeneration };

    /// <summary>
    /// Google's Veo 3.1 table (ai.google.dev/gemini-api/docs/video), as the discuss.ai.google.dev thread "Veo 3.1
    /// image-to-video rejects documented personGeneration=allow_adult" quotes it: allow_all for text-to-video and
    /// extension, allow_adult for image-to-video, interpolation and reference images. (That thread reports the service
    /// refusing allow_adult for an image once; the table is what is checked here.)
    /// </summary>
    private static IReadOnlyDictionary<Requests.GenerationMode, string> GeminiPersonGeneration => new Dictionary<Requests.GenerationMode, string>
    {
        [Requests.GenerationMode.TextToVideo] = "allow_all",
        [Requests.GenerationMode.Extension] = "allow_all",
        [Requests.GenerationMode.ImageToVideo] = "allow_adult",
        [Requests.GenerationMode.FirstLastFrame] = "allow_adult",
        [Requests.GenerationMode.ReferenceImages] = "allow_adult",
    };

    /// <summary>
    /// Veo 3.1 Lite (launched 2026-03-31): 720p and 1080p, text- and image-to-video only, no extension ("it doesn't support
    /// 4K or the Extension feature", vibecoding.gallery; "Supports only text-to-video and single image-to-video",
    /// developer.civitai.com Veo 3 recipe; "Resolution options: 720p and 1080p", xainflow.com).
    /// </summary>
    private static RouteCapabilities GeminiLite => GeminiApi with
    {
        Resolutions = new[] { Requests.Resolutions.P720, Requests.Resolutions.P1080 },
        FirstLastFrame = false,
        MaxReferenceImages = 0,
        Extension = null,
    };

    /// <summary>
    /// Vertex AI in a Google Cloud project: per-second billing, lower without audio; seed, silent videos, extension of its own
    /// videos (<see cref="ExtensionLimits.VertexAi"/>) and up to 4 videos a request ("Maximum videos returned per request: 4", cloud.google.com/vertex-ai/generative-ai/docs/models/veo/3-1-generate).
    /// Its address follows the location (<see cref="VertexEndpoints"/>); this one is the default location's.
    /// </summary>
    public static readonly VideoRoute Vertex = new(
        VertexName,
        Dialect.Vertex,
        VertexEndpoints.BaseUriFor(VertexEndpoints.DefaultLocation),
        VertexEndpoints.TokenVariable,
        new[]
        {
            new RouteModel(RouteModel.FastFamily, "veo-3.1-fast-generate-001"),
            new RouteModel(RouteModel.StandardFamily, "veo-3.1-generate-001") { Capabilities = VertexStandard },
            new RouteModel(RouteModel.FastFamily, "veo-3.1-fast-generate-preview"),
            new RouteModel(RouteModel.StandardFamily, "veo-3.1-generate-preview") { Capabilities = VertexStandard },
        },
        VertexAi)
    {
        Quota = RouteQuota.Vertex,
    };

    /// <summary>
    /// What Vertex AI takes beyond the Gemini API. enhancePrompt: python-genai _GenerateVideosConfig_to_vertex sends
    /// config.enhance_prompt as parameters.enhancePrompt, and the Veo API reference lists "enhancePrompt": boolean
    /// (cloud.google.com/vertex-ai/generative-ai/docs/model-reference/veo-video-generation; its "Turn off the prompt
    /// rewriter" page says the rewriter is on by default for veo-2.0-generate-001 and veo-3.0-generate-preview and names
    /// no 3.1 model, so what it changes on Veo 3.1 is not documented). compressionQuality (OPTIMIZED, LOSSLESS) and
    /// resizeMode (CROP, PAD): python-genai sends them only to Vertex AI (types.VideoCompressionQuality, ImageResizeMode),
    /// and its tests send them with veo-3.1-generate-preview (test_all_parameters_vertex; test_text_and_image_to_video_poll,
    /// resize_mode CROP for an image).
    /// </summary>
    private static RouteCapabilities VertexAi => new()
    {
        SilentVideo = true, MaxVideosPerRequest = 4, StorageUri = true, EnhancePrompt = true, Extension = ExtensionLimits.VertexAi,
        CompressionQualities = new[] { "OPTIMIZED", "LOSSLESS" },
        ResizeModes = new[] { "CROP", "PAD" },
    };

    /// <summary>
    /// Veo 3.1 (not Fast) on Vertex AI extends at 720p only: its model page lists "Supported resolutions: 720, 1080, except
    /// for video extension" for veo-3.1-generate-preview, and no such exception for veo-3.1-fast-generate-preview
    /// (cloud.google.com/vertex-ai/generative-ai/docs/models/veo/3-1-generate, as mirrored 2025-11-07).
    /// </summary>
    private static RouteCapabilities VertexStandard => VertexAi with
    {
        Extension = ExtensionLimits.VertexAi with { Resolutions = new[] { Requests.Resolutions.P720 } },
    };

    public static readonly IReadOnlyList<VideoRoute> All = new[] { LaoZhang, Crazyrouter, Google, Vertex };

    public static VideoRoute? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
