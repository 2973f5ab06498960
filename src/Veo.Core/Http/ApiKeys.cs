using Veo.Core.Routes;

namespace Veo.Core.Http;

/// <summary>Where a key comes from, in order: the call, the session (Connect-Veo), the route's variable, VEO_API_KEY.</summary>
public static class ApiKeys
{
    public const string FallbackVariable = "VEO_API_KEY";

    /// <summary>The key and a name for where it came from (never the key itself), or (null, "none").</summary>
    public static (ApiKey? Key, string Source) Find(VideoRoute route, ApiKey? explicitKey, ApiKey? sessionKey)
    {
        if (explicitKey is not null) return (explicitKey, "-ApiKey");
        if (sessionKey is not null) return (sessionKey, "Connect-Veo");
        if (FromVariable(route.KeyVariable) is { } routeKey) return (routeKey, route.KeyVariable);
        if (FromVariable(FallbackVariable) is { } fallback) return (fallback, FallbackVariable);
        return (null, "none");
    }

    public static ApiKey Resolve(VideoRoute route, ApiKey? explicitKey, ApiKey? sessionKey) =>
        Find(route, explicitKey, sessionKey).Key ?? throw new MissingApiKeyException(route);

    private static ApiKey? FromVariable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value && value.Trim().Length > 0 ? new ApiKey(value) : null;
}

public sealed class MissingApiKeyException : Exception
{
    public MissingApiKeyException(VideoRoute route)
        : base($"No API key for route {route.Name}. Pass -ApiKey, run Connect-Veo -Route {route.Name} -ApiKey (Read-Host -AsSecureString), " +
               $"or set the environment variable {route.KeyVariable} (or {ApiKeys.FallbackVariable}).")
    {
    }
}
