using System.Management.Automation;
using Veo.Core.Pricing;
using Veo.Core.Requests;
using Veo.Core.Tasks;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// What videos cost on every route, before anything is spent. With no arguments: every route and
/// model for an 8-second video at each resolution, cheapest first. Tasks piped in are priced as made.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VeoPrice", DefaultParameterSetName = TableSet)]
[OutputType(typeof(PriceQuote), ParameterSetName = new[] { TableSet, TaskSet })]
[OutputType(typeof(PriceDifference), ParameterSetName = new[] { LiveSet })]
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

    /// <summary>Add how much cheaper (negative) or dearer each row is than this route.</summary>
    [Parameter(ParameterSetName = TableSet)]
    [Parameter(ParameterSetName = TaskSet)]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Compare { get; set; }

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    public object? InputObject { get; set; }

    /// <summary>Read the route's live catalog (GET /api/pricing) and show where it differs from the price book.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiveSet)]
    public SwitchParameter Live { get => _live; set => _live = value.IsPresent; }

    private bool _live;

    [Parameter(ParameterSetName = LiveSet)]
    public Uri? BaseUri { get; set; }

    /// <summary>A JSON file of price rows that add to or replace the built-in ones.</summary>
    [Parameter]
    public string? PriceBook { get; set; }

    private readonly List<PriceQuote> _piped = new();

    protected override void ProcessRecord()
    {
        try
        {
            // Which set bound is read from the values: the set name itself is PowerShell's to tell.
            switch (InputObject, _live)
            {
                case ({ } input, _):
                    if (QuoteOf(input) is { } quote) _piped.Add(quote);
                    else Fail(new ArgumentException($"No price is known for '{input}'."), input);
                    break;
                case (null, true):
                    var route = Session.ResolveRoute(Route ?? Core.Routes.BuiltInRoutes.CrazyrouterName, BaseUri);
                    foreach (var difference in Run(ct => Session.Engine.CompareLivePricesAsync(route, Book(), ct))) Emit(difference);
                    break;
                default:
                    var table = Book().Table(new PriceQuery
                    {
                        Route = Route, Model = Model, Duration = Duration, Count = Count,
                        Resolution = Resolution is null ? null : VideoFormat.NormalizeResolution(Resolution),
                    });
                    foreach (var row in Compared(table)) Emit(row);
                    break;
            }
        }
        catch (Exception e)
        {
            Fail(e, InputObject);
        }
    }

    /// <summary>Piped items are compared together at the end, so -Compare can find each one's reference.</summary>
    protected override void EndProcessing()
    {
        foreach (var row in Compared(_piped)) Emit(row);
    }

    private IEnumerable<PriceQuote> Compared(IReadOnlyList<PriceQuote> quotes)
    {
        if (Compare is null) return quotes;
        var reference = quotes.Select(q => Book().Quote(Compare, q.Model, q.Seconds, q.Resolution, q.Count)).OfType<PriceQuote>();
        var compared = PriceComparison.Compare(quotes.Concat(reference).Distinct(), Compare);
        return compared.Where(q => quotes.Any(o => o.Route == q.Route && o.Model == q.Model && o.Resolution == q.Resolution && o.Seconds == q.Seconds));
    }

    private PriceQuote? QuoteOf(object? input) => (input is PSObject ps ? ps.BaseObject : input) switch
    {
        VideoTask task => Book().Quote(task.Route, task.Model, task.Request?.DurationSeconds ?? 8, task.Request?.Resolution ?? "720p"),
        VideoRequest request => Book().Quote(Session.DefaultRoute, request.Model, request.DurationSeconds, request.Resolution),
        _ => null,
    };

    private PriceBook Book() => PriceBook is null ? Session.Prices : Session.Prices.WithOverrides(VeoHost.ResolvePath(PriceBook));
}
