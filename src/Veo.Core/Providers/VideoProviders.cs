using Veo.Core.Http;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Providers;

public static class VideoProviders
{
    /// <param name="log">Where each HTTP exchange (debug) and each retry (verbose) is told; nowhere when null.</param>
    public static IVideoProvider For(VideoRoute route, ApiKey key, HttpPolicy policy, IEngineLog? log = null) => route.Dialect switch
    {
        Dialect.OpenAIVideos => new OpenAIVideosProvider(route, key, policy, log ?? NullEngineLog.Instance),
        Dialect.UnifiedVideo => new UnifiedVideoProvider(route, key, policy, log ?? NullEngineLog.Instance),
        Dialect.Gemini => new GeminiProvider(route, key, policy, log ?? NullEngineLog.Instance),
        Dialect.Vertex => new VertexProvider(route, key, policy, log ?? NullEngineLog.Instance),
        Dialect.Interactions => new InteractionsProvider(route, key, policy, log ?? NullEngineLog.Instance),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route.Dialect, "Unknown dialect."),
    };
}
