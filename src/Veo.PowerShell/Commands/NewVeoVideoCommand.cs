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
public sealed partial class NewVeoVideoCommand : VeoCmdlet, IDisposable
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
    [WholeNumber(nameof(Duration))]
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
    [WholeNumber(nameof(Seed))]
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

    /// <summary>
    /// A completed Gemini Omni task (or its id) whose video to change as the prompt says, on the route that made it; the edit
    /// keeps its length and shape. Bound like -Extend: $done | New-VeoVideo 'make it night' -Edit { $_ }.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    public VideoReference? Edit { get; set; }

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
    [WholeNumber(nameof(VideoCount))]
    public int? VideoCount { get; set; }

    /// <summary>Vertex AI's compression of the video it makes (compressionQuality): Optimized (smaller) or Lossless (larger files).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    [OneOf("Optimized", "Lossless", Parameter = nameof(CompressionQuality))]
    [ArgumentCompleter(typeof(CompressionQualityCompleter))]
    public string? CompressionQuality { get; set; }

    /// <summary>How Vertex AI fits an image of another shape to the video (resizeMode): Crop or Pad.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankIsDefault]
    [OneOf("Crop", "Pad", Parameter = nameof(ResizeMode))]
    [ArgumentCompleter(typeof(ResizeModeCompleter))]
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

    /// <summary>
    /// Names the batch, so running the same command again finishes it: a row that already has a task passes that task on
    /// instead of paying again, a row whose create may have made a task is held (or matched on the route's task list),
    /// and only rows with no task are sent. A row's identity is what it asks for (images by content) and its ordinal
    /// among identical rows, so the input may be re-read, re-sorted or extended.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BatchCompleter))]
    public string? Batch { get; set; }

    /// <summary>With -Batch: create every row even when it already has a task (a deliberate second video).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// The request of a task or of a failed row, bound from its Request property: Get-VeoVideo -State Failed | New-VeoVideo
    /// and $err.TargetObject | New-VeoVideo send what was asked before, every parameter of it; a parameter given here wins.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public VideoRequest? Request { get; set; }

    private SpendingCaps? _caps;
    private ThrottledWork<VideoTask>? _creates;
    private BatchRows? _rows;

    protected override void BeginProcessing()
    {
        _caps = new SpendingCaps(Session.ProcessSpending, new SpendingGuard(MaxCost, "-MaxCost cap"), Session.Spending);
        _creates = new ThrottledWork<VideoTask>(ThrottleLimit);
        _rows = new BatchRows(Session.Engine.Journal, Batch, Force.IsPresent);
        _started = DateTimeOffset.UtcNow;
    }

    private DateTimeOffset _started;

    /// <summary>
    /// Ctrl+C: the creates cut off mid-request are let end, then counted from what this command sent, once each: the
    /// ones that may have been billed without an id. Said to the host, since the pipeline takes no more records.
    /// </summary>
    private void ReportStop()
    {
        _creates!.Dispose();
        _creates.WaitIdle(TimeSpan.FromSeconds(5));
        var uncertain = Session.Engine.UncertainSince(_started);
        if (uncertain.Count == 0) return;
        var rows = string.Join(", ", uncertain.Select(e => e.Row).Where(r => r is not null).OrderBy(r => r).Take(20));
        Host.UI.WriteWarningLine($"Stopped with {uncertain.Count} create request(s) sent and not answered: each may have made a billed video" +
            (rows.Length > 0 ? $" (rows {rows}{(uncertain.Count > 20 ? ", ..." : "")})" : "") + ". " +
            (Batch is null
                ? "Get-VeoVideo lists them; check the provider's console, then Confirm-VeoCreate."
                : $"Run the same command again: batch '{Batch}' settles them from the route's task list where it has one, or holds their rows and says how to settle them."));
    }

    protected override void ProcessRecord()
    {
        try
        {
            ProcessRow();
        }
        catch (PipelineStoppedException) when (Cancellation.IsCancellationRequested)
        {
            ReportStop();
            throw;
        }
    }

    private void ProcessRow()
    {
        VideoRequest? request = null;
        string? routeName = null;
        var row = RowPricing.IsPricing ? new InputRow(RowPricing.Row, Prompt ?? "") : _rows!.Next(Prompt);
        RowRequest Target() => new() { Row = row.Number, Prompt = Prompt, Route = routeName ?? NullIfEmpty(Route), Request = request, Batch = Batch };
        try
        {
            if (CellProblems.Take() is { } unreadable) throw new RequestValidationException(unreadable);
            var extend = Extend is null ? Request?.Extend : SourceOf(Extend, "extend", r => r.CanExtend);
            var edit = Edit is null ? Request?.Edit : SourceOf(Edit, "edit", r => r.CanEdit);
            var source = Edit ?? Extend;
            var route = source is null ? Session.ResolveRoute(Route, BaseUri) : SourceRoute(source);
            routeName = route.Name;
            // A task piped in as the source of -Extend or -Edit is not a request to send again: its own request is not this one's.
            request = Compose(source is null ? Request : null, extend, edit, route);
            var engine = Session.Engine;
            var plan = engine.Plan(request, route, Session.Prices);
            // Get-VeoPrice asks what a row would cost: it gets the plan, and nothing is asked, reserved or sent.
            if (RowPricing.IsPricing)
            {
                WriteObject(plan);
                return;
            }
            foreach (var warning in plan.Warnings) WriteWarning($"{row.Name}: {warning}");
            if (Core.Models.ModelLifecycle.Warning(plan.Prepared.Model, route.Name, DateTime.UtcNow) is { } deprecated
                && Session.FirstTime($"deprecated {route.Name} {plan.Prepared.Model.Id}"))
                WriteWarning(deprecated);
            var identity = _rows.Identify(row, plan.Prepared);
            Core.Providers.IVideoProvider? provider = null;
            Core.Providers.IVideoProvider Provider() => provider ??= engine.Provider(plan.Route, Session.ResolveKey(plan.Route, KeyFrom(ApiKey)), Log);
            if (_rows.Settle(row, identity, Provider, Log, Cancellation) is { } settled)
            {
                Pump();
                if (settled.Task is { } existing) Emit(existing);
                else WriteWarning(settled.Warning!);
                return;
            }
            // Said before asking, so -WhatIf and -Confirm never offer a video a cap would refuse; the engine checks again as it reserves.
            if (_caps!.Check(plan.Cost) is { } refusal)
            {
                Fail(new SpendingCapException(refusal), Target(), row.Name);
                return;
            }
            // PowerShell quotes the target itself: What if: Performing the operation "Create a video (...)" on target "A fox".
            if (!ShouldProcess(Shorten(plan.Prepared.Request.Prompt), $"Create a video ({plan.Summary})"))
            {
                if (IsWhatIf())
                {
                    _caps.Pretend(plan.Cost);
                    _whatIf = (_whatIf.Count + 1, _whatIf.Cost + (plan.Cost ?? 0), _whatIf.Unpriced + (plan.Cost is null ? 1 : 0));
                }
                return;
            }

            Provider();
            var caps = _caps;
            if (ThrottleLimit == 1)
            {
                Report(Run(ct => engine.CreateAsync(plan, provider!, caps, ct, Log, identity)), row);
                return;
            }
            // Held until its slot comes, so the rows asked about meanwhile count it; the reservation itself is the engine's.
            caps.Hold(plan.Cost);
            _creates!.Start(new RowTarget(Target(), row), (slot, ct) => engine.CreateAsync(plan, provider!, caps.Unhold(plan.Cost), ct, Log, identity, slot), Cancellation);
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Target(), row.Name);
        }
        foreach (var outcome in _creates!.Finished()) Report(outcome);
    }

    /// <summary>The videos -WhatIf showed, and their cost: said in one line at the end, the batch's total.</summary>
    private (int Count, decimal Cost, int Unpriced) _whatIf;

    protected override void EndProcessing()
    {
        // A value noted while binding and no row to take it (nothing was piped in): said, never sent as the default.
        if (CellProblems.Take() is { } unread) Fail(new RequestValidationException(unread), null);
        foreach (var outcome in _creates!.All(TimeSpan.FromMilliseconds(250)))
        {
            if (Cancellation.IsCancellationRequested)
            {
                ReportStop();
                throw new PipelineStoppedException();
            }
            if (outcome is not null) Report(outcome);
            Pump();
        }
        _creates.Dispose();
        // Beside PowerShell's own "What if:" lines, on the host as they are; one video's line already says its cost.
        if (_whatIf.Count > 1)
        {
            Host.UI.WriteLine($"What if: {_whatIf.Count} video(s) in all, {SpendingGuard.Money(_whatIf.Cost)}" +
                              (_whatIf.Unpriced > 0 ? $" and {_whatIf.Unpriced} without a known price." : "."));
        }
        if (_rows!.Held > 0)
            WriteWarning($"{_rows.Held} row(s) of batch '{Batch}' are held (see the warnings above): settle each with Confirm-VeoCreate, then run the command again.");
    }

    /// <summary>What a background create is about: the error's target (as with one at a time) and its row.</summary>
    private sealed record RowTarget(RowRequest Request, InputRow Row);

    private void Report(ThrottledWork<VideoTask>.Outcome outcome)
    {
        var target = (RowTarget)outcome.Target;
        if (outcome.Error is { } error) Fail(error, target.Request, target.Row.Name);
        else Report(outcome.Result!, target.Row);
    }

    private void Report(VideoTask task, InputRow row)
    {
        Log.Verbose($"{row.Name}: created task {task.Id} on {task.Route} ({task.Status}); it is in the journal at {Session.Engine.Journal.Path}.");
        Emit(task);
    }

    private bool IsWhatIf() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) ? whatIf is SwitchParameter { IsPresent: true }
        : GetVariableValue("WhatIfPreference") is SwitchParameter { IsPresent: true } or true;

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    /// <summary>PowerShell disposes the cmdlet when the pipeline is done with it, also when Select-Object -First stopped it early: queued work must not start then.</summary>
    public void Dispose() => _creates?.Dispose();
}
