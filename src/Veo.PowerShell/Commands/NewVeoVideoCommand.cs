using System.Management.Automation;
using System.Security;
using Veo.Core.Pricing;
using Veo.Core.Requests;
using Veo.Core.Tasks;
using Veo.PowerShell.Binding;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Starts one paid video generation per input: prompts from parameters, strings or objects with a
/// Prompt property (Import-Csv), images from Get-ChildItem. Everything is checked before anything is sent.
/// </summary>
[Cmdlet(VerbsCommon.New, "VeoVideo", HelpUri = HelpLinks.Base + "New-VeoVideo.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(VideoTask))]
public sealed class NewVeoVideoCommand : VeoCmdlet, IDisposable
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [PromptText]
    public string Prompt { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string? Model { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Seconds", "DurationSeconds")]
    [WholeNumber]
    [ArgumentCompleter(typeof(DurationCompleter))]
    public int Duration { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    [ArgumentCompleter(typeof(ResolutionCompleter))]
    public string? Resolution { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    [ArgumentCompleter(typeof(AspectRatioCompleter))]
    public string? AspectRatio { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    public string? NegativePrompt { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [WholeNumber]
    public long? Seed { get; set; }

    /// <summary>The start image, or the first frame with -LastFrame. Binds FileInfo.FullName, so Get-ChildItem *.png pipes in.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "FirstFrame")]
    [BlankIsDefault]
    public string? Image { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    public string? LastFrame { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ReferenceImages")]
    public string[]? ReferenceImage { get; set; }

    /// <summary>
    /// A completed task (or its id) whose video to continue, on the route that made it. Bound by property name, so a CSV
    /// column Extend of ids binds, and a script block is delay-bound: $done | New-VeoVideo 'and then' -Extend { $_ }.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    public VideoReference? Extend { get; set; }

    /// <summary>Whether people may appear, where the route takes it (the Gemini API: allow_all or allow_adult, by mode).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    [ArgumentCompleter(typeof(PersonGenerationCompleter))]
    public string? PersonGeneration { get; set; }

    /// <summary>Vertex AI (parameters.enhancePrompt) and unified-video gateways (enhance_prompt): the service rewrites the prompt.</summary>
    [Parameter]
    public SwitchParameter EnhancePrompt { get; set; }

    /// <summary>Unified-video gateways: upsample the video (enable_upsample, landscape only).</summary>
    [Parameter]
    public SwitchParameter Upsample { get; set; }

    /// <summary>A silent video (generateAudio false, billed lower) on Vertex AI; elsewhere Veo always makes audio, and this is refused saying so.</summary>
    [Parameter]
    public SwitchParameter NoAudio { get; set; }

    /// <summary>Videos from this one request (Vertex AI's sampleCount, 1 to 4); each is billed and saved as its own file.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("SampleCount", "NumberOfVideos")]
    [WholeNumber]
    public int? VideoCount { get; set; }

    /// <summary>Vertex AI's compression of the video it makes (compressionQuality): Optimized (smaller) or Lossless (larger files).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    [ValidateSet("Optimized", "Lossless", IgnoreCase = true)]
    public string? CompressionQuality { get; set; }

    /// <summary>How Vertex AI fits an image of another shape to the video (resizeMode): Crop or Pad.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    [ValidateSet("Crop", "Pad", IgnoreCase = true)]
    public string? ResizeMode { get; set; }

    /// <summary>A gs://bucket/folder/ Vertex AI writes the videos to, instead of answering them inline; Save-VeoVideo fetches them from there with the same token.</summary>
    [Parameter]
    public string? StorageUri { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Route { get; set; }

    /// <summary>
    /// Not bound from piped objects: a key goes only where a command or a registered route sends it, never to an
    /// address a CSV cell names.
    /// </summary>
    [Parameter]
    public Uri? BaseUri { get; set; }

    [Parameter]
    [Alias("AccessToken")]
    public SecureString? ApiKey { get; set; }

    /// <summary>The most this call (the whole pipeline batch) may spend; a video that would pass it is refused, and so are the rest.</summary>
    [Parameter]
    [ValidateRange(0, 1_000_000)]
    public decimal? MaxCost { get; set; }

    /// <summary>
    /// Creates in flight at once. With more than one, each task is passed on as soon as it is created, so the output
    /// order may differ from the input's; the caps, -WhatIf/-Confirm and the journal hold exactly as one at a time.
    /// </summary>
    [Parameter]
    [ValidateRange(1, 32)]
    public int ThrottleLimit { get; set; } = 1;

    private SpendingCaps? _caps;
    private ThrottledWork<VideoTask>? _creates;

    protected override void BeginProcessing()
    {
        _caps = new SpendingCaps(Session.ProcessSpending, new SpendingGuard(MaxCost, "-MaxCost cap"), Session.Spending);
        _creates = new ThrottledWork<VideoTask>(ThrottleLimit);
    }

    protected override void ProcessRecord()
    {
        VideoRequest? request = null;
        try
        {
            var extend = Extend is null ? null : ExtensionSourceOf(Extend);
            var route = extend is null ? Session.ResolveRoute(Route, BaseUri) : SourceRoute(Extend!);
            var model = Model ?? NullIfEmpty(extend?.Model) ?? route.DefaultModel?.Id ?? "Fast";
            var limits = route.FindModel(model)?.Extension;
            request = new VideoRequest
            {
                Prompt = Prompt,
                // An extension keeps the source's model and shape unless told otherwise; the rules say what cannot change.
                // Without -Model: the route's Default model in the catalog.
                Model = model,
                DurationSeconds = Duration != 0 ? Duration : extend is null ? 8 : DefaultExtensionSeconds(extend, limits),
                // An extension is made at the source's resolution where the model extends at that resolution (Vertex AI: 720p or 1080p).
                Resolution = Resolution ?? (extend?.Resolution is { } made && limits?.Resolutions.Contains(made) == true ? made : "720p"),
                AspectRatio = AspectRatio ?? extend?.AspectRatio ?? VideoFormat.Landscape,
                NegativePrompt = NegativePrompt,
                Seed = Seed,
                Image = ResolveImage(Image, "-Image"),
                LastFrame = ResolveImage(LastFrame, "-LastFrame"),
                ReferenceImages = (ReferenceImage ?? Array.Empty<string>()).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => ResolveImage(p, "-ReferenceImage")!).ToArray(),
                GenerateAudio = NoAudio.IsPresent ? false : null,
                Extend = extend,
                PersonGeneration = PersonGeneration,
                // Sent only when given: -EnhancePrompt:$false says "false" to a route that takes it, and nothing is assumed otherwise.
                EnhancePrompt = MyInvocation.BoundParameters.ContainsKey(nameof(EnhancePrompt)) ? EnhancePrompt.IsPresent : null,
                Upsample = MyInvocation.BoundParameters.ContainsKey(nameof(Upsample)) ? Upsample.IsPresent : null,
                VideoCount = VideoCount ?? 1,
                StorageUri = string.IsNullOrWhiteSpace(StorageUri) ? null : StorageUri!.Trim(),
                // The wire spells them as python-genai's enums do: VideoCompressionQuality.LOSSLESS is "LOSSLESS".
                CompressionQuality = string.IsNullOrWhiteSpace(CompressionQuality) ? null : CompressionQuality!.Trim().ToUpperInvariant(),
                ResizeMode = string.IsNullOrWhiteSpace(ResizeMode) ? null : ResizeMode!.Trim().ToUpperInvariant(),
            };
            var engine = Session.Engine;
            var plan = engine.Plan(request, route, Session.Prices);
            // Get-VeoPrice asks what a row would cost: it gets the plan, and nothing is asked, reserved or sent.
            if (RowPricing.IsPricing)
            {
                WriteObject(plan);
                return;
            }
            foreach (var warning in plan.Warnings) WriteWarning(warning);
            if (Core.Models.ModelLifecycle.Warning(plan.Prepared.Model, route.Name, DateTime.UtcNow) is { } deprecated
                && Session.FirstTime($"deprecated {route.Name} {plan.Prepared.Model.Id}"))
                WriteWarning(deprecated);
            // Said before asking, so -WhatIf and -Confirm never offer a video a cap would refuse; the engine checks again as it reserves.
            if (_caps!.Check(plan.Cost) is { } refusal)
            {
                Fail(new SpendingCapException(refusal), request);
                return;
            }
            // PowerShell quotes the target itself: What if: Performing the operation "Create a video (...)" on target "A fox".
            if (!ShouldProcess(Shorten(plan.Prepared.Request.Prompt), $"Create a video ({plan.Summary})"))
            {
                if (IsWhatIf()) _caps.Pretend(plan.Cost);
                return;
            }

            var provider = engine.Provider(plan.Route, Session.ResolveKey(plan.Route, KeyFrom(ApiKey)), Log);
            var caps = _caps;
            if (ThrottleLimit == 1)
            {
                Report(Run(ct => engine.CreateAsync(plan, provider, caps, ct, Log)));
                return;
            }
            // Held until its slot comes, so the rows asked about meanwhile count it; the reservation itself is the engine's.
            caps.Hold(plan.Cost);
            _creates!.Start(request, ct => engine.CreateAsync(plan, provider, caps.Unhold(plan.Cost), ct, Log), Cancellation);
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, (object?)request ?? Prompt);
        }
        foreach (var outcome in _creates!.Finished()) Report(outcome);
    }

    protected override void EndProcessing()
    {
        foreach (var outcome in _creates!.All(TimeSpan.FromMilliseconds(250)))
        {
            if (Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
            if (outcome is not null) Report(outcome);
            Pump();
        }
        _creates.Dispose();
    }

    private void Report(ThrottledWork<VideoTask>.Outcome outcome)
    {
        if (outcome.Error is { } error) Fail(error, outcome.Target);
        else Report(outcome.Result!);
    }

    private void Report(VideoTask task)
    {
        Log.Verbose($"Created task {task.Id} on {task.Route} ({task.Status}); it is in the journal at {Session.Engine.Journal.Path}.");
        Emit(task);
    }

    /// <summary>
    /// The video -Extend names. On a route that can extend, a task not known to be finished is asked of the service (a
    /// free read); on one that cannot, nothing is asked, and the rules refuse the request before any call.
    /// </summary>
    private ExtensionSource ExtensionSourceOf(VideoReference reference)
    {
        var known = KnownTask(reference);
        var route = SourceRoute(reference);
        if (!route.CanExtend) return new ExtensionSource { TaskId = known.Id, Route = route.Name };
        var provider = Session.Engine.Provider(route, Session.ResolveKey(route, KeyFrom(ApiKey)), Log);
        return Run(ct => Session.Engine.ExtensionSourceAsync(known with { Route = route.Name, BaseUri = route.BaseUri }, provider, ct));
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

    /// <summary>An extension goes to the route (and address) that made the source, unless -Route or -BaseUri says otherwise.</summary>
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

    private bool IsWhatIf() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) ? whatIf is SwitchParameter { IsPresent: true }
        : GetVariableValue("WhatIfPreference") is SwitchParameter { IsPresent: true } or true;

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    /// <summary>PowerShell disposes the cmdlet when the pipeline is done with it, also when Select-Object -First stopped it early: queued work must not start then.</summary>
    public void Dispose() => _creates?.Dispose();
}
