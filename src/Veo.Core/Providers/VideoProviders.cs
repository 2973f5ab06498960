using Veo.Core.Http;
using Veo.Core.Routes;

namespace Veo.Core.Providers;

public static class VideoProviders
{
    public static IVideoProvider For(VideoRoute route, ApiKey key, HttpPolicy policy) => route.Dialect switch
    {
        Dialect.OpenAIVideos => new OpenAIVideosProvider(route, key, policy),
        _ => throw new NotSupportedException($"Route {route.Name} speaks the {route.Dialect} dialect, which this version of Veo cannot speak yet."),
    };
}
