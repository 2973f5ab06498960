using Veo.Core.Routes;

namespace Veo.Core.Requests;

/// <summary>A request checked against one route: everything a provider needs to put it on the wire.</summary>
public sealed record PreparedRequest(
    VideoRequest Request,
    VideoRoute Route,
    Models.ModelEntry Model,
    PixelSize Size,
    ImageFile? FirstFrame,
    ImageFile? LastFrame,
    IReadOnlyList<ImageFile> ReferenceImages,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// The bytes of the video an extension continues, where the route is sent the video itself and has no address for it
    /// (a Vertex AI video answered inline). Read before the create is journaled, never written to the journal.
    /// </summary>
    public byte[]? SourceVideo { get; init; }
}
