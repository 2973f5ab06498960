using Veo.Core.Routes;

namespace Veo.Core.Requests;

/// <summary>
/// The rules an edit of an earlier video must pass before it is paid for. Gemini Omni's edit (VideoConfig.task "edit",
/// @google/genai 3.6.1 genai.d.ts Task) changes a video the service made, named by previous_interaction_id as an extension
/// is; Omni 1.2 "edits 3–15 s clips with up to six reference images" (Vercel AI Gateway's changelog, secondary), and the
/// edit keeps the clip's length and shape. The figures are the model's catalog entry (its Durations, its reference limit).
/// Every rule is silent for a request that edits nothing.
/// </summary>
internal static class EditRules
{
    internal static readonly IReadOnlyList<RequestRules.Rule> Errors = new RequestRules.Rule[]
    {
        new("edit-supported", c => c.Request.Edit is not null && !c.Route.CanEdit
            ? $"Route {c.Route.Name} cannot edit a video: no source shows its API taking one. -Edit works on -Route {BuiltInRoutes.GoogleName} with -Model Omni, for a video Omni made there; elsewhere make a new video from a prompt. Nothing was sent." : null),
        new("edit-model", c => c.Request.Edit is not null && c.Route.CanEdit && c.Model is not null && !c.Model.Supports(GenerationMode.Edit)
            ? $"Model {c.Model.Id} cannot edit a video on {c.Route.Name}; use -Model {RequestRules.Or(EditingModels(c))}." : null),
        new("edit-same-route", c => c.Request.Edit is { } source && source.Route.Length > 0 && !string.Equals(source.Route, c.Route.Name, StringComparison.OrdinalIgnoreCase)
            ? $"The video to edit ({source.TaskId}) was made on route {source.Route}; a service edits only videos it made itself (previous_interaction_id), so make the video with -Route {c.Route.Name} -Model Omni first, then edit that." : null),
        new("edit-source-model", c => c.Request.Edit is { Model.Length: > 0 } source && c.Route.CanEdit && c.Route.FindModel(source.Model) is var maker
                                      && (maker is null || !maker.Supports(GenerationMode.Edit))
            ? $"The video to edit ({source.TaskId}) was made by {source.Model}, and Gemini Omni edits only videos Omni made on {c.Route.Name}; make it with -Model Omni first, then -Edit that task." : null),
        new("edit-alone", c => c.Request.Edit is not null && (c.Request.Extend is not null || c.Request.Image is not null || c.Request.LastFrame is not null)
            ? "An edit changes the earlier video as the prompt says; it cannot be combined with -Extend, -Image or -LastFrame (reference images, -ReferenceImage, may go with it). Extend the edited video afterwards if you need it longer." : null),
        new("edit-source-length", c => c.Request.Edit is { Seconds: { } seconds } source && !c.Entry.Durations.Contains(seconds)
            ? $"The video to edit ({source.TaskId}) is {seconds} seconds long; {c.Entry.Id} edits videos of {c.Entry.Durations[0]} to {c.Entry.Durations[c.Entry.Durations.Count - 1]} seconds. Nothing was sent." : null),
        new("edit-keeps-length", c => c.Request.Edit is { Seconds: { } seconds } source && c.Request.DurationSeconds != seconds
            ? $"An edit keeps the length of the video it changes ({source.TaskId}, {seconds} s); remove -Duration {c.Request.DurationSeconds}." : null),
        new("edit-aspect-matches", c => c.Request.Edit is { AspectRatio: { } made } source && !string.Equals(made, c.Request.AspectRatio, StringComparison.Ordinal)
            ? $"The video to edit ({source.TaskId}) is {made} and an edit keeps its shape; remove -AspectRatio {c.Request.AspectRatio}." : null),
    };

    /// <summary>Said, not refused: an edit whose source's length is not in this journal is priced by -Duration (8 s without it).</summary>
    internal static IEnumerable<string> Warnings(VideoRequest request)
    {
        if (request.Edit is { Seconds: null } source)
            yield return $"The length of the video to edit ({source.TaskId}) is not known here (its request is not in this journal); the estimate is for {request.DurationSeconds} seconds (pass -Duration with its length), and the edit keeps the source's length.";
    }

    private static IReadOnlyList<string> EditingModels(RuleContext c) =>
        c.Route.Models.Where(m => m.Supports(GenerationMode.Edit)).Select(m => m.Id).ToList();
}
