using Veo.Core.Models;

namespace Veo.Core.Routes;

/// <summary>
/// The routes Veo knows out of the box; users can register more of a known dialect. The models each serves, with their
/// limits and sources, are the embedded catalog's (Models/models.json); what each API takes is here.
/// </summary>
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
        ModelCatalog.Default.For(LaoZhangName),
        new RouteCapabilities())
    {
        Quota = RouteQuota.Gateway(LaoZhangName),
    };

    /// <summary>Crazyrouter's unified video API: per-second billing; its public contract is text- and single-image-to-video at 720P (its catalog entries).</summary>
    public static readonly VideoRoute Crazyrouter = new(
        CrazyrouterName,
        Dialect.UnifiedVideo,
        new Uri("https://cn.crazyrouter.com/"),
        "CRAZYROUTER_API_KEY",
        ModelCatalog.Default.For(CrazyrouterName),
        new RouteCapabilities
        {
            // The unified format's create takes both flags: docs.fast-token.com "Create video" (POST /v1/video/create):
            // enhance_prompt "auto-translate Chinese to English", enable_upsample "Enable upsampling"; docs.octopusx.ai
            // (Unified Video, Create Video): upsampling is "landscape only".
            EnhancePrompt = true,
            UpsampleAspectRatios = new[] { Requests.VideoFormat.Landscape },
            // No page of the unified format documents a seed, and its create body has no field for one: taking -Seed here
            // would drop it silently. LaoZhang documents `seed` ("Random seed for similar repeatability", its Veo 3.1
            // forwarding page) and Vertex AI parameters.seed.
            Seed = false,
        })
    {
        Quota = RouteQuota.Gateway(CrazyrouterName),
    };

    /// <summary>
    /// Google's Gemini API, direct: Gemini Omni through the Interactions API. "Use Gemini Omni Flash as your default model for
    /// video generation" (ai.google.dev/gemini-api/docs/video, "Video generation in the Gemini API", read 2026-12-06), and
    /// @google/genai 3.1.0 (2026-11-10) to 3.6.1 throw for generateVideos unless in Vertex mode (dist/index.mjs,
    /// generateVideosInternal). The catalog keeps the route's Veo 3.1 ids, shut down, so a script that names them (or
    /// -Extend of a video made there) is told what happened and what to use before any call.
    /// </summary>
    public static readonly VideoRoute Google = new(
        GoogleName,
        Dialect.Interactions,
        new Uri("https://generativelanguage.googleapis.com/"),
        "GEMINI_API_KEY",
        ModelCatalog.Default.For(GoogleName),
        InteractionsApi)
    {
        Quota = RouteQuota.Google,
    };

    /// <summary>
    /// What the Interactions API takes for a video (CreateModelInteraction and VideoResponseFormat in @google/genai 3.6.1's
    /// genai.d.ts): no negative prompt and no person-generation field; GenerationConfig.seed exists, but no source shows it
    /// steering a video, and Omni's guides list no seed ("ネガティブプロンプト 非対応。プロンプト本文に記述する", apidog.com,
    /// 2026-11-06), so a -Seed that would change nothing is refused rather than silently sent.
    /// </summary>
    private static RouteCapabilities InteractionsApi => new() { Seed = false, NegativePrompt = false };

    /// <summary>
    /// Veo 3.1 through predictLongRunning (the Gemini dialect) as the Gemini API served it until its shut-down on 2026-10-22:
    /// no built-in route speaks it any more, but a registered gateway of that dialect (a proxy that still forwards it)
    /// borrows these models, live, and rules; its own models.json entries override them.
    /// </summary>
    internal static readonly VideoRoute GeminiVeo = new(
        GoogleName,
        Dialect.Gemini,
        new Uri("https://generativelanguage.googleapis.com/"),
        "GEMINI_API_KEY",
        ModelCatalog.Default.For(GoogleName).Where(m => m.Family != ModelFamilies.Omni)
            .Select(m => m with { Status = ModelStatus.Live, ShutDownOn = null, Default = m.Family == ModelFamilies.Fast }).ToList(),
        GeminiApi);

    /// <summary>The built-in route whose models and rules a registered gateway of <paramref name="dialect"/> borrows.</summary>
    internal static VideoRoute TemplateFor(Dialect dialect) => All.FirstOrDefault(r => r.Dialect == dialect) ?? GeminiVeo;

    /// <summary>
    /// The official SDK refuses a seed for the Gemini API (it is a Vertex AI parameter). No prompt enhancement: python-genai
    /// has sent enhance_prompt to the Gemini API since 2025-06 (commit 92ca562e), but its Veo 3.1 case for the Gemini API
    /// (tests/models/test_generate_videos.py, test_all_parameters_veo3_mldev) sends none, and Google's Veo 3.1 parameter
    /// table does not list it, so nothing shows Veo 3.1 there taking it.
    /// </summary>
    private static RouteCapabilities GeminiApi => new() { Seed = false, PersonGeneration = GeminiPersonGeneration };

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
    /// Vertex AI in a Google Cloud project: per-second billing, lower without audio; seed, silent videos and extension of
    /// its own videos (its catalog entries), and up to 4 videos a request ("Maximum videos returned per request: 4", cloud.google.com/vertex-ai/generative-ai/docs/models/veo/3-1-generate).
    /// Its address follows the location (<see cref="VertexEndpoints"/>); this one is the default location's.
    /// </summary>
    public static readonly VideoRoute Vertex = new(
        VertexName,
        Dialect.Vertex,
        VertexEndpoints.BaseUriFor(VertexEndpoints.DefaultLocation),
        VertexEndpoints.TokenVariable,
        ModelCatalog.Default.For(VertexName),
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
        MaxVideosPerRequest = 4, StorageUri = true, EnhancePrompt = true,
        CompressionQualities = new[] { "OPTIMIZED", "LOSSLESS" },
        ResizeModes = new[] { "CROP", "PAD" },
    };

    public static readonly IReadOnlyList<VideoRoute> All = new[] { LaoZhang, Crazyrouter, Google, Vertex };

    public static VideoRoute? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
