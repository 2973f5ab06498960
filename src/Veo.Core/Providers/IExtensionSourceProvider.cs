using Veo.Core.Requests;

namespace Veo.Core.Providers;

/// <summary>
/// A provider that is sent the video an extension continues, not its address, when the source has none (Vertex AI's
/// inline videos). The engine asks for the bytes before the create is journaled or held to the quota, so a failed or
/// cancelled read is plainly nothing sent.
/// </summary>
internal interface IExtensionSourceProvider
{
    /// <summary>The source's bytes, or null when the request can name its source instead (or extends nothing).</summary>
    Task<byte[]?> SourceVideoAsync(ExtensionSource? source, CancellationToken cancellationToken);
}
