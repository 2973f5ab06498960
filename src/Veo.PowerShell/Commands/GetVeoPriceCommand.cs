using System.Management.Automation;
using Veo.Core.Pricing;
using Veo.Core.Requests;
using Veo.Core.Tasks;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// What videos cost on every route, before anything is spent. With no arguments: every route and
/// model for an 8-second video at each resolution, cheapest first. Tasks piped in are priced as made, rows
/// (Import-Csv, prompts) as New-VeoVideo would make them.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VeoPrice", HelpUri = HelpLinks.Base + "Get-VeoPrice.md", DefaultParameterSetName = TableSet)]
[OutputType(typeof(PriceQuote), ParameterSetName = new[] { TableSet, TaskSet })]
[OutputType(typeof(PriceDifference), ParameterSetName = new[] { LiveSet })]
[OutputType(typeof(PriceTotal), ParameterSetName = new[] { TaskSet })]
public sealed class GetVeoPriceCommand : VeoCmdlet
{
    private const string TableSet = "Table";
    private const string TaskSet = "Task";
    private const string LiveSet = "Live";

    [Parameter(Position = 0, ParameterSetName = TableSet)]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string? Model { get; set; }

    [Parameter(ParameterSetName = TableSet)]
    [Parameter(ParameterSetName = LiveSet)]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Route { get; set; }

    [Parameter(ParameterSetName = TableSet)]
    [ArgumentCompleter(typeof(DurationCompleter))]
    public int Duration { get; set; } = 8;

    [Parameter(ParameterSetName = TableSet)]
    [ArgumentCompleter(typeof(ResolutionCompleter))]
    public string? Resolution { get; set; }

    /// <summary>Price a batch of this many videos.</summary>
    [Parameter(ParameterSetName = TableSet)]
    [ValidateRange(1, 1_000_000)]
    public int Count { get; set; } = 1;

    /// <summary>List the prices of silent videos (only Vertex AI makes them, and bills them lower).</summary>
    [Parameter(ParameterSetName = TableSet)]
    public SwitchParameter NoAudio { get; set; }

    /// <summary>Add how much cheaper (negative) or dearer each row is than this route.</summary>
    [Parameter(ParameterSetName = TableSet)]
    [Parameter(ParameterSetName = TaskSet)]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Compare { get; set; }

    /// <summary>
    /// Tasks (or requests) to price as made, or rows to price as New-VeoVideo would make them (Import-Csv lines, prompt
    /// strings: the same columns it reads); an array given to -InputObject is priced item by item.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    public object[]? InputObject { get; set; }

    /// <summary>Read the route's live catalog (GET /api/pricing) and show where it differs from the price book.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiveSet)]
    public SwitchParameter Live { get; set; }

    [Parameter(ParameterSetName = LiveSet)]
    public Uri? BaseUri { get; set; }

    /// <summary>One total of what is piped in (videos and cost, an exact decimal) instead of a quote for each.</summary>
    [Parameter(ParameterSetName = TaskSet)]
    public SwitchParameter Total { get; set; }

    /// <summary>A JSON file of price rows that add to or replace the built-in ones.</summary>
    [Parameter]
    public string? PriceBook { get; set; }

    private readonly List<PriceQuote> _piped = new();

    protected override void BeginProcessing()
    {
        try
        {
            CheckArguments();
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            // Every record would be priced with the same wrong argument: say it once and stop.
            ThrowTerminatingError(ErrorMapping.From(e, null));
        }
    }

    protected override void ProcessRecord()
    {
        try
        {
            // Which set bound is read from the values: the set name itself is PowerShell's to tell.
            if (InputObject is not null)
            {
                foreach (var input in InputObject)
                {
                    if (QuoteOf(input) is { } quote) _piped.Add(quote);
                    else PriceAsNewVideo(input);
                }
            }
            else if (Live.IsPresent)
            {
                var route = Session.ResolveRoute(Route ?? Core.Routes.BuiltInRoutes.CrazyrouterName, BaseUri);
                foreach (var difference in Run(ct => Session.Engine.CompareLivePricesAsync(route, Book(), ct))) Emit(difference);
            }
            else
            {
                var table = Book().Table(new PriceQuery
                {
                    Route = Route, Model = Model, Duration = Duration, Count = Count, Audio = !NoAudio.IsPresent,
                    Resolution = Resolution is null ? null : VideoFormat.NormalizeResolution(Resolution),
                });
                // Only what the catalog says the route's model makes (Veo 3.1: 1080p and 4k as 8-second videos only).
                foreach (var row in Compared(table.Where(Makes).ToList())) Emit(row);
            }
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, InputObject);
        }
    }

    /// <summary>Piped items are compared together at the end, so -Compare can find each one's reference.</summary>
    protected override void EndProcessing()
    {
        if (Total.IsPresent)
        {
            foreach (var total in PriceTotal.Of(_piped)) Emit(total);
            return;
        }
        foreach (var row in Compared(_piped)) Emit(row);
    }

    /// <summary>A typo must not print an empty table: every name is checked against what exists, and the error lists it.</summary>
    private void CheckArguments()
    {
        var book = Book();
        var routes = Session.Routes.All.Select(r => r.Name).Concat(book.Rows.Select(r => r.Route)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var (parameter, value) in new[] { ("-Route", Route), ("-Compare", Compare) })
        {
            if (value is not null && !routes.Contains(value, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"{parameter} '{value}' is not a route. Routes: {string.Join(", ", routes)}.");
        }
        if (Model is not null && !book.Rows.Any(r => r.Model == ModelFamily.Of(Model)))
        {
            var models = new[] { "Fast", "Standard" }.Concat(Session.Routes.All.SelectMany(r => r.Models.Select(m => m.Id))).Distinct(StringComparer.OrdinalIgnoreCase);
            throw new ArgumentException($"-Model '{Model}' is not a Veo model with a price. Models: {string.Join(", ", models)}.");
        }
        if (Resolution is not null && !Resolutions.All.Contains(VideoFormat.NormalizeResolution(Resolution)))
            throw new ArgumentException($"-Resolution '{Resolution}' is not one of {string.Join(", ", Resolutions.All)}.");
        // The lengths and resolutions are the catalog's, for the route and model asked about.
        var catalog = CatalogModels();
        if (catalog.Count > 0 && !catalog.Any(m => m.Durations.Contains(Duration)))
            throw new ArgumentException($"-Duration {Duration} is not a length these models make: {string.Join(", ", catalog.SelectMany(m => m.Durations).Distinct().OrderBy(d => d))} seconds.");
        if (Resolution is not null && catalog.Count > 0 && !catalog.Any(m => m.Makes(Duration, VideoFormat.NormalizeResolution(Resolution))))
            throw new ArgumentException($"No model here makes {VideoFormat.NormalizeResolution(Resolution)} videos of {Duration} seconds (1080p and 4k come as 8-second videos on Veo 3.1); see Get-VeoModel.");
    }

    /// <summary>The catalog's models of -Route (every route without it) and of -Model's family.</summary>
    private IReadOnlyList<Core.Models.ModelEntry> CatalogModels()
    {
        var family = Model is null ? null : ModelFamily.Of(Model);
        return Session.Routes.All
            .Where(r => Route is null || string.Equals(r.Name, Route, StringComparison.OrdinalIgnoreCase))
            .SelectMany(r => r.Models)
            .Where(m => family is null || string.Equals(m.Family, family, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>Whether the catalog has the quote's route make it; a route or family the catalog does not know is kept.</summary>
    private bool Makes(PriceQuote quote)
    {
        var models = Session.Routes.Find(quote.Route)?.Models.Where(m => string.Equals(m.Family, quote.Model, StringComparison.OrdinalIgnoreCase)).ToList();
        return models is not { Count: > 0 } || models.Any(m => m.Makes(quote.Seconds, quote.Resolution));
    }

    /// <summary>Compared rows carry a type name of their own, so only they are shown with the comparison column.</summary>
    private IEnumerable<object> Compared(IReadOnlyList<PriceQuote> quotes)
    {
        if (Compare is null) return quotes;
        // A silent video is compared with the reference's silent price, or with its price with sound where it makes none.
        var reference = quotes.Select(q => Book().Quote(Compare, q.Model, q.Seconds, q.Resolution, q.Count, audio: q.Audio != false)
            ?? Book().Quote(Compare, q.Model, q.Seconds, q.Resolution, q.Count)).OfType<PriceQuote>();
        var compared = PriceComparison.Compare(quotes.Concat(reference).Distinct(), Compare);
        return compared.Where(q => quotes.Any(o => o.Route == q.Route && o.Model == q.Model && o.Resolution == q.Resolution && o.Seconds == q.Seconds && o.Audio == q.Audio))
            .Select(q =>
            {
                var shown = PSObject.AsPSObject(q);
                shown.TypeNames.Insert(0, typeof(PriceQuote).FullName + "#Compared");
                return shown;
            });
    }

    /// <summary>
    /// A row (CSV line, prompt) is priced as New-VeoVideo would make it, refused as it would refuse it; what New-VeoVideo
    /// would say is said here, as Get-VeoPrice's own errors and warnings.
    /// </summary>
    private void PriceAsNewVideo(object input)
    {
        var outcome = RowPricing.Price(this, input, ++_rows);
        foreach (var warning in outcome.Warnings) WriteWarning(warning);
        foreach (var error in outcome.Errors)
        {
            var id = error.FullyQualifiedErrorId.Split(',')[0];
            WriteError(new ErrorRecord(error.Exception, id, error.CategoryInfo.Category, input) { ErrorDetails = error.ErrorDetails });
        }
        if (outcome.Plan is not { } plan) return;
        if (plan.Quote is { } quote) _piped.Add(quote);
        else Fail(new ArgumentException($"No price is known for {plan.Prepared.Model.Id} on {plan.Route.Name}: add one with -PriceBook."), input);
    }

    /// <summary>The rows priced so far, so an error names its row as New-VeoVideo would.</summary>
    private int _rows;

    private PriceQuote? QuoteOf(object? input) => (input is PSObject ps ? ps.BaseObject : input) switch
    {
        VideoTask task => Book().Quote(task.Route, task.Model, task.Request?.DurationSeconds ?? 8, task.Request?.Resolution ?? "720p",
            task.Request?.VideoCount ?? 1, task.Request?.GenerateAudio != false),
        VideoRequest request => Book().Quote(Session.DefaultRoute, request.Model, request.DurationSeconds, request.Resolution, request.VideoCount, request.GenerateAudio != false),
        _ => null,
    };

    private PriceBook Book() => PriceBook is null ? Session.Prices : Session.Prices.WithOverrides(ResolvePath(PriceBook));
}
