using Veo.Core.Http;
using Veo.Core.Routes;

namespace Veo.Core.Providers;

public static class VideoProviders
{
    public static IVideoProvider For(VideoRoute route, ApiKey key, HttpPolicy policy) => route.Dialect switch
    {
        Dialect.OpenAIVideos => new OpenAIVideosProvider(route, key, policy),
        Dialect.UnifiedVideo => new UnifiedVideoProvider(route, key, policy),
        Dialect.Gemini => new GeminiProvider(route, key, policy),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route.Dialect, "Unknown dialect."),
    };
}
