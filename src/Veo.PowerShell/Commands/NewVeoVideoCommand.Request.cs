using System.Management.Automation;
using Veo.Core.Requests;
using Veo.Core.Tasks;
using Veo.PowerShell.Binding;

namespace Veo.PowerShell.Commands;

/// <summary>New-VeoVideo's request of a row: its parameters, what a task piped back in asked, the source of -Extend or -Edit, and the defaults.</summary>
public sealed partial class NewVeoVideoCommand
{
    /// <summary>
    /// The request of this row: what the parameters say, and for the rest what <paramref name="earlier"/> (the request of a
    /// task or failed row piped back in) asked, else the defaults.
    /// </summary>
    private VideoRequest Compose(VideoRequest? earlier, ExtensionSource? extend, ExtensionSource? edit, Core.Routes.VideoRoute route)
    {
        bool Given(string name) => MyInvocation.BoundParameters.ContainsKey(name);
        bool? Switch(string name, SwitchParameter value, bool? before) => Given(name) ? value.IsPresent : before;
        // An extension or an edit keeps the source's model and shape unless told otherwise; the rules say what cannot change.
        // A task piped back in brings its model twice, the service's id (Model) and what was asked (Request.Model): the same model, asked as before.
        // Without either: the route's Default model in the catalog.
        var model = Model is not null && earlier?.Model is { } asked && route.FindModel(Model)?.Id is { } id && route.FindModel(asked)?.Id == id ? asked
            : Model ?? NullIfEmpty(earlier?.Model) ?? NullIfEmpty(extend?.Model) ?? NullIfEmpty(edit?.Model) ?? route.DefaultModel?.Id ?? "Fast";
        var limits = route.FindModel(model)?.Extension;
        return new VideoRequest
        {
            Prompt = Prompt,
            Model = model,
            // An edit keeps its source's length, and is priced by it.
            DurationSeconds = Duration != 0 ? Duration : earlier?.DurationSeconds
                ?? (edit is not null ? edit.Seconds ?? 8 : extend is null ? 8 : DefaultExtensionSeconds(extend, limits)),
            // An extension is made at the source's resolution where the model extends at that resolution (Vertex AI: 720p or 1080p).
            // An edit is made at the source's resolution unless -Resolution says another.
            Resolution = Resolution ?? earlier?.Resolution ?? edit?.Resolution
                ?? (extend?.Resolution is { } made && limits?.Resolutions.Contains(made) == true ? made : "720p"),
            AspectRatio = AspectRatio ?? earlier?.AspectRatio ?? extend?.AspectRatio ?? edit?.AspectRatio ?? VideoFormat.Landscape,
            NegativePrompt = NegativePrompt ?? earlier?.NegativePrompt,
            Seed = Seed ?? earlier?.Seed,
            Image = Image is null ? earlier?.Image : ResolveImage(Image, "-Image"),
            LastFrame = LastFrame is null ? earlier?.LastFrame : ResolveImage(LastFrame, "-LastFrame"),
            ReferenceImages = ReferenceImage is null && earlier is not null
                ? earlier.ReferenceImages
                : (ReferenceImage ?? Array.Empty<string>()).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => ResolveImage(p, "-ReferenceImage")!).ToArray(),
            GenerateAudio = NoAudio.IsPresent ? false : Given(nameof(NoAudio)) ? null : earlier?.GenerateAudio,
            Extend = extend,
            Edit = edit,
            PersonGeneration = PersonGeneration ?? earlier?.PersonGeneration,
            // Sent only when given: -EnhancePrompt:$false says "false" to a route that takes it, and nothing is assumed otherwise.
            EnhancePrompt = Switch(nameof(EnhancePrompt), EnhancePrompt, earlier?.EnhancePrompt),
            Upsample = Switch(nameof(Upsample), Upsample, earlier?.Upsample),
            VideoCount = VideoCount ?? earlier?.VideoCount ?? 1,
            StorageUri = string.IsNullOrWhiteSpace(StorageUri) ? earlier?.StorageUri : StorageUri!.Trim(),
            // The wire spells them as python-genai's enums do: VideoCompressionQuality.LOSSLESS is "LOSSLESS".
            CompressionQuality = string.IsNullOrWhiteSpace(CompressionQuality) ? earlier?.CompressionQuality : CompressionQuality!.Trim().ToUpperInvariant(),
            ResizeMode = string.IsNullOrWhiteSpace(ResizeMode) ? earlier?.ResizeMode : ResizeMode!.Trim().ToUpperInvariant(),
        };
    }

    /// <summary>
    /// The video -Extend or -Edit names (<paramref name="use"/>: "extend" or "edit"). On a route that <paramref name="can"/> do
    /// that, a task not known to be finished is asked of the service (a free read); on one that cannot, nothing is asked, and
    /// the rules refuse the request before any call.
    /// </summary>
    private ExtensionSource SourceOf(VideoReference reference, string use, Func<Core.Routes.VideoRoute, bool> can)
    {
        var known = KnownTask(reference);
        var route = SourceRoute(reference);
        if (!can(route)) return new ExtensionSource { TaskId = known.Id, Route = route.Name };
        var provider = Session.Engine.Provider(route, Session.ResolveKey(route, KeyFrom(ApiKey)), Log);
        return Run(ct => Session.Engine.ExtensionSourceAsync(known with { Route = route.Name, BaseUri = route.BaseUri }, provider, ct, use));
    }

    /// <summary>
    /// What an extension adds without -Duration: the one figure a model allows (Veo 3.1: 7 s), else the most that keeps the
    /// whole within the model's total (Gemini Omni: 3 to 10 s, 30 s in all).
    /// </summary>
    private static int DefaultExtensionSeconds(ExtensionSource source, Core.Models.ExtensionLimits? limits)
    {
        if (limits is null) return 8;
        var fitting = limits.AddedSeconds.Where(s => limits.MaxTotalSeconds is not { } total || source.Seconds is not { } made || made + s <= total).ToList();
        return fitting.Count > 0 ? fitting[fitting.Count - 1] : limits.AddedSeconds[0];
    }

    /// <summary>An extension or an edit goes to the route (and address) that made the source, unless -Route or -BaseUri says otherwise.</summary>
    private Core.Routes.VideoRoute SourceRoute(VideoReference reference)
    {
        var known = KnownTask(reference);
        return Session.ResolveRoute(Route ?? NullIfEmpty(known.Route), BaseUri ?? known.BaseUri);
    }

    private VideoTask KnownTask(VideoReference reference) =>
        reference.Task ?? Session.Engine.Journal.Tasks().LastOrDefault(t => t.Task.Id == reference.Id)?.Task ?? new VideoTask { Id = reference.Id };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Images are local files; a URL is said to be one rather than looked for as a drive named "https".</summary>
    private string? ResolveImage(string? path, string parameter)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            throw new ArgumentException($"{parameter} takes a local JPEG, PNG or WebP file, not a URL ({path}). Download it first (Invoke-WebRequest -OutFile).");
        return ResolvePath(path!);
    }
}
