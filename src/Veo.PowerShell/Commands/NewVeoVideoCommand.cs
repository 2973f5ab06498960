using System.Management.Automation;
using System.Security;
using Veo.Core.Pricing;
using Veo.Core.Requests;
using Veo.Core.Tasks;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Starts one paid video generation per input: prompts from parameters, strings or objects with a
/// Prompt property (Import-Csv), images from Get-ChildItem. Everything is checked before anything is sent.
/// </summary>
[Cmdlet(VerbsCommon.New, "VeoVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(VideoTask))]
public sealed class NewVeoVideoCommand : VeoCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Prompt { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string Model { get; set; } = "Fast";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Seconds", "DurationSeconds")]
    [ArgumentCompleter(typeof(DurationCompleter))]
    public int Duration { get; set; } = 8;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResolutionCompleter))]
    public string Resolution { get; set; } = "720p";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AspectRatioCompleter))]
    public string AspectRatio { get; set; } = "16:9";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? NegativePrompt { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long? Seed { get; set; }

    /// <summary>The start image, or the first frame with -LastFrame. Binds FileInfo.FullName, so Get-ChildItem *.png pipes in.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "FirstFrame")]
    public string? Image { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? LastFrame { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ReferenceImages")]
    public string[]? ReferenceImage { get; set; }

    /// <summary>Veo always makes audio; this switch exists to say so rather than to silently ignore the wish.</summary>
    [Parameter]
    public SwitchParameter NoAudio { get => _noAudio; set => _noAudio = value.IsPresent; }

    private bool _noAudio;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Route { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public Uri? BaseUri { get; set; }

    [Parameter]
    public SecureString? ApiKey { get; set; }

    /// <summary>The most this call (the whole pipeline batch) may spend; a video that would pass it is refused, and so are the rest.</summary>
    [Parameter]
    [ValidateRange(0, 1_000_000)]
    public decimal? MaxCost { get; set; }

    private SpendingGuard? _batch;
    private bool _capReached;

    protected override void BeginProcessing() => _batch = new SpendingGuard(MaxCost, "-MaxCost cap");

    protected override void ProcessRecord()
    {
        var request = new VideoRequest
        {
            Prompt = Prompt,
            // Blank CSV cells mean "the default", not "empty".
            Model = Or(Model, "Fast"),
            DurationSeconds = Duration == 0 ? 8 : Duration,
            Resolution = Or(Resolution, "720p"),
            AspectRatio = Or(AspectRatio, VideoFormat.Landscape),
            NegativePrompt = NegativePrompt,
            Seed = Seed,
            Image = ResolveImage(Image),
            LastFrame = ResolveImage(LastFrame),
            ReferenceImages = (ReferenceImage ?? Array.Empty<string>()).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => ResolveImage(p)!).ToArray(),
            GenerateAudio = _noAudio ? false : null,
        };
        try
        {
            var route = Session.ResolveRoute(Route, BaseUri);
            var prepared = RequestValidator.Prepare(request, route);
            foreach (var warning in prepared.Warnings) VeoHost.WriteWarning(warning);
            var cost = Session.Prices.Quote(route.Name, prepared.Model.Family, prepared.Request.DurationSeconds, prepared.Request.Resolution)?.Cost;
            if (CapRefusal(cost) is { } refusal)
            {
                Fail(new SpendingCapException(refusal), request);
                return;
            }
            var what = $"{prepared.Request.Mode} {prepared.Request.DurationSeconds} s {prepared.Request.Resolution} {prepared.Request.AspectRatio} " +
                       $"with {prepared.Model.WireId} on {route.Name}, estimated cost {(cost is null ? "unknown" : SpendingGuard.Money(cost.Value))}";
            if (!VeoHost.ShouldProcess($"\"{Shorten(prepared.Request.Prompt)}\"", $"Create a video ({what})")) return;

            var engine = Session.Engine;
            var provider = engine.Provider(route, Session.ResolveKey(route, KeyFrom(ApiKey)));
            VideoTask task;
            try
            {
                task = Run(ct => engine.CreateAsync(prepared, provider, cost, ct));
            }
            catch (Core.Http.AmbiguousCreateException)
            {
                // It may have been billed: count it against the caps.
                Spend(cost);
                throw;
            }
            Spend(cost);
            VeoHost.WriteVerbose($"Created task {task.Id} on {route.Name} ({task.Status}); it is in the journal at {engine.Journal.Path}.");
            Emit(task);
        }
        catch (Exception e)
        {
            Fail(e, request);
        }
    }

    /// <summary>Once a cap is hit, the rest of the batch is refused too, so a script never spends past it by skipping one video.</summary>
    private string? CapRefusal(decimal? cost)
    {
        if (_capReached) return $"The spending cap was reached earlier in this batch; nothing more is sent.";
        var refusal = _batch!.Refusal(cost) ?? Session.Spending.Refusal(cost);
        _capReached = refusal is not null;
        return refusal;
    }

    private void Spend(decimal? cost)
    {
        _batch!.Record(cost);
        Session.Spending.Record(cost);
    }

    private static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value!;

    private string? ResolveImage(string? path) => string.IsNullOrWhiteSpace(path) ? null : VeoHost.ResolvePath(path!);

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}
