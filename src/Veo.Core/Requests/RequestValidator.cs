using Veo.Core.Routes;

namespace Veo.Core.Requests;

/// <summary>Runs the rule table; the only way to get a <see cref="PreparedRequest"/>.</summary>
public static class RequestValidator
{
    public static PreparedRequest Prepare(VideoRequest request, VideoRoute route)
    {
        request = request with
        {
            Prompt = request.Prompt?.Trim() ?? "",
            Resolution = VideoFormat.NormalizeResolution(request.Resolution),
            AspectRatio = VideoFormat.NormalizeAspectRatio(request.AspectRatio),
            ReferenceImages = request.ReferenceImages ?? Array.Empty<string>(),
        };
        // No model named: the route's default (the catalog's Default entry), as New-VeoVideo without -Model.
        var context = new RuleContext(request, route, string.IsNullOrWhiteSpace(request.Model) ? route.DefaultModel : route.FindModel(request.Model));
        // A shut-down model is refused alone: nothing else about the request matters until another model is chosen.
        if (context.Model is { } model) Models.ModelLifecycle.EnsureServed(model, route.Name, DateTime.UtcNow);
        var problems = RequestRules.Errors.Select(r => r.Check(context)).OfType<string>().ToList();

        var probes = ImageParameters(request).Select(p => ImageProbe.Of(p.Parameter, p.Path)).ToList();
        problems.AddRange(probes.SelectMany(p => RequestRules.ImageErrors.Select(rule => rule(p, context.Caps))).OfType<string>());
        if (problems.Count > 0) throw new RequestValidationException(problems);

        var size = VideoFormat.SizeOf(request.Resolution, request.AspectRatio)!.Value;
        var warnings = probes
            .Where(p => p.Info!.Width != size.Width || p.Info.Height != size.Height)
            .Select(p => $"The image '{p.Path}' is {p.Info!.Width}x{p.Info.Height} but the video will be {size}; Veo gives its best results when they match.")
            .Concat(ExtensionRules.Warnings(request, context.Entry.Extension))
            .Concat(EditRules.Warnings(request))
            .ToList();
        ImageFile? Image(string parameter) => probes.FirstOrDefault(p => p.Parameter == parameter)?.ToImageFile();
        return new PreparedRequest(
            request,
            route,
            context.Model!,
            size,
            Image(nameof(VideoRequest.Image)),
            Image(nameof(VideoRequest.LastFrame)),
            probes.Where(p => p.Parameter == "ReferenceImage").Select(p => p.ToImageFile()).ToList(),
            warnings);
    }

    private static IEnumerable<(string Parameter, string Path)> ImageParameters(VideoRequest request)
    {
        if (request.Image is not null) yield return (nameof(VideoRequest.Image), request.Image);
        if (request.LastFrame is not null) yield return (nameof(VideoRequest.LastFrame), request.LastFrame);
        foreach (var path in request.ReferenceImages) yield return ("ReferenceImage", path);
    }
}
