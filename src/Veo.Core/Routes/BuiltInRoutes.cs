namespace Veo.Core.Routes;

/// <summary>The routes Veo knows out of the box; users can register more of a known dialect.</summary>
public static class BuiltInRoutes
{
    public const string LaoZhangName = "LaoZhang";
    public const string CrazyrouterName = "Crazyrouter";
    public const string GoogleName = "Google";

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
        })
    {
        Quota = RouteQuota.Gateway(CrazyrouterName),
    };

    /// <summary>Google's Gemini API, direct: per-second billing by resolution; preview and GA model ids.</summary>
    public static readonly VideoRoute Google = new(
        GoogleName,
        Dialect.Gemini,
        new Uri("https://generativelanguage.googleapis.com/"),
        "GEMINI_API_KEY",
        new[]
        {
            new RouteModel(RouteModel.FastFamily, "veo-3.1-fast-generate-preview"),
            new RouteModel(RouteModel.StandardFamily, "veo-3.1-generate-preview"),
            new RouteModel(RouteModel.FastFamily, "veo-3.1-fast-generate-001"),
            new RouteModel(RouteModel.StandardFamily, "veo-3.1-generate-001"),
        },
        // The official SDK refuses a seed for the Gemini API (it is a Vertex AI parameter).
        new RouteCapabilities { Seed = false })
    {
        Quota = RouteQuota.Google,
    };

    public static readonly IReadOnlyList<VideoRoute> All = new[] { LaoZhang, Crazyrouter, Google };

    public static VideoRoute? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
