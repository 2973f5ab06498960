using Veo.Core.Routes;

namespace Veo.Core.Requests;

/// <summary>A request checked against one route: everything a provider needs to put it on the wire.</summary>
public sealed record PreparedRequest(
    VideoRequest Request,
    VideoRoute Route,
    RouteModel Model,
    PixelSize Size,
    ImageFile? FirstFrame,
    ImageFile? LastFrame,
    IReadOnlyList<ImageFile> ReferenceImages,
    IReadOnlyList<string> Warnings);
