using Veo.Core.Http;

namespace Veo.Core.Sessions;

/// <summary>
/// What Connect-Veo said about one route: where it lives in this session and the key given for that address; for
/// Vertex AI also the Google Cloud project and location.
/// </summary>
public sealed record RouteConnection(Uri? BaseUri, ApiKey? Key, string? Project = null, string? Location = null);
