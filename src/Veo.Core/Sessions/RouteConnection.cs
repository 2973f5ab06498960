using Veo.Core.Http;

namespace Veo.Core.Sessions;

/// <summary>What Connect-Veo said about one route: where it lives in this session, the key given for that address, and the quota it set.</summary>
public sealed record RouteConnection(Uri? BaseUri, ApiKey? Key)
{
    /// <summary>Creates a minute per key this session holds the route to; 0 lifts the route's own limit, null keeps it.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Tasks running at once per key; 0 lifts the route's own limit, null keeps it.</summary>
    public int? MaxRunning { get; init; }

    /// <summary>Vertex AI: the Google Cloud project the route makes videos in.</summary>
    public string? Project { get; init; }

    /// <summary>Vertex AI: the location, which picks the host.</summary>
    public string? Location { get; init; }
}
