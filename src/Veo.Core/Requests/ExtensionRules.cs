using System.Globalization;
using Veo.Core.Models;
using Veo.Core.Routes;

namespace Veo.Core.Requests;

/// <summary>
/// The rules an extension of an earlier video must pass before it is paid for; the figures come from the model's
/// <see cref="ExtensionLimits"/> in the catalog, which cites where each was read. Every rule is silent for a request that extends nothing.
/// </summary>
internal static class ExtensionRules
{
    internal static readonly IReadOnlyList<RequestRules.Rule> Errors = new RequestRules.Rule[]
    {
        new("extension-supported", c => c.Request.Extend is not null && !c.Route.CanExtend
            ? $"Route {c.Route.Name} cannot extend a video: no source shows its API taking one. Of the routes Veo knows, the Gemini API (-Route {BuiltInRoutes.GoogleName}) and Vertex AI (-Route {BuiltInRoutes.VertexName}) extend videos they made. Nothing was sent." : null),
        new("extension-model", c => c.Request.Extend is not null && c.Route.CanExtend && c.Model is not null && c.Model.Extension is null
            ? $"Model {c.Model.Id} cannot extend a video on {c.Route.Name}; use -Model {RequestRules.Or(ExtendingModels(c))}." : null),
        new("extension-same-route", c => c.Request.Extend is { } source && source.Route.Length > 0 && !string.Equals(source.Route, c.Route.Name, StringComparison.OrdinalIgnoreCase)
            ? $"The video to extend ({source.TaskId}) was made on route {source.Route}; a service extends only videos it made itself, so extend it there (-Route {source.Route})." : null),
        // The Gemini API's extension request is the source video and a prompt (instances[0].video, python-genai
        // _GenerateVideosSource_to_mldev); frames and references belong to the other modes.
        new("extension-alone", c => c.Request.Extend is not null && (c.Request.Image is not null || c.Request.LastFrame is not null || c.Request.ReferenceImages.Count > 0)
            ? "An extension continues the earlier video from its last second; it cannot be combined with -Image, -LastFrame or -ReferenceImage." : null),
        new("extension-adds-fixed", c => Limits(c) is { AddedSeconds.Count: 1 } limits && c.Request.DurationSeconds != limits.AddedSeconds[0]
            ? $"An extension always adds {limits.AddedSeconds[0]} seconds on {c.Route.Name}; remove -Duration (it was {c.Request.DurationSeconds})." : null),
        new("extension-adds-range", c => Limits(c) is { AddedSeconds.Count: > 1 } limits && !limits.AddedSeconds.Contains(c.Request.DurationSeconds)
            ? $"An extension adds {RequestRules.Or(limits.AddedSeconds)} seconds on {c.Route.Name}; -Duration {c.Request.DurationSeconds} is not one of them." : null),
        new("extension-total-length", c => Limits(c) is { MaxTotalSeconds: { } total } && c.Request.Extend!.Seconds is { } seconds && seconds + c.Request.DurationSeconds > total
            ? $"The video to extend ({c.Request.Extend.TaskId}) is {seconds} seconds long and {c.Route.Name} makes extended videos of at most {total} seconds; {(total - seconds >= MinAdded(c) ? $"pass -Duration {total - seconds} or less" : "it cannot be extended further")}." : null),
        new("extension-resolution", c => Limits(c) is { } limits && !limits.Resolutions.Contains(c.Request.Resolution)
            ? $"An extension is made at {RequestRules.Or(limits.Resolutions)} only on {c.Route.Name}; remove -Resolution {c.Request.Resolution} (upscale the saved file if you need more)." : null),
        new("extension-source-resolution", c => Limits(c) is { } limits && c.Request.Extend!.Resolution is { } made && !limits.Resolutions.Contains(made)
            ? $"The video to extend ({c.Request.Extend.TaskId}) is {made}; {c.Route.Name} extends {RequestRules.Or(limits.Resolutions)} videos only." : null),
        new("extension-aspect-matches", c => c.Request.Extend is { AspectRatio: { } made } source && !string.Equals(made, c.Request.AspectRatio, StringComparison.Ordinal)
            ? $"The video to extend ({source.TaskId}) is {made} and an extension keeps its shape; remove -AspectRatio {c.Request.AspectRatio}." : null),
        new("extension-source-length", c => Limits(c) is { } limits && c.Request.Extend!.Seconds is { } seconds && seconds > limits.MaxSourceSeconds
            ? $"The video to extend ({c.Request.Extend.TaskId}) is {seconds} seconds long; {c.Route.Name} extends videos of at most {limits.MaxSourceSeconds} seconds ({limits.MaxSourceSeconds + limits.AddedSeconds.Max()} in all)." : null),
        new("extension-count", c => Limits(c) is { MaxExtensions: { } most } limits && c.Request.Extend!.Extensions >= most
            ? $"The video to extend ({c.Request.Extend.TaskId}) has already been extended {c.Request.Extend.Extensions} times; {c.Route.Name} extends a video at most {most} times." : null),
        new("extension-source-kept", c => Limits(c) is { SourceLifetime: { } lifetime } && c.Request.Extend!.CompletedAt is { } finished && c.Now - finished > lifetime
            ? string.Format(CultureInfo.InvariantCulture,
                "The video to extend ({0}) was finished {1:yyyy-MM-dd HH:mm} UTC, more than {2} days ago; {3} keeps a generated video for {2} days, so it can no longer be extended. Nothing was sent.",
                c.Request.Extend.TaskId, finished.UtcDateTime, lifetime.TotalDays, c.Route.Name) : null),
    };

    /// <summary>Said, not refused: what could not be checked because the source's own request is not known.</summary>
    internal static IEnumerable<string> Warnings(VideoRequest request, ExtensionLimits? limits)
    {
        if (request.Extend is not { } source || limits is null) yield break;
        if (source.Seconds is null)
            yield return $"The length of the video to extend ({source.TaskId}) is not known here (its request is not in this journal); {limits.MaxSourceSeconds} seconds is the most that can be extended.";
    }

    /// <summary>The limits to check against, only for an extension on a route and model that can extend (the first rules say when not).</summary>
    private static ExtensionLimits? Limits(RuleContext c) => c.Request.Extend is null ? null : c.Entry.Extension;

    private static int MinAdded(RuleContext c) => c.Entry.Extension!.AddedSeconds[0];

    private static IReadOnlyList<string> ExtendingModels(RuleContext c) =>
        c.Route.Models.Where(m => m.Extension is not null).Select(m => m.Id).ToList();
}
