using Veo.Core.Requests;
namespace Veo.Core.Pricing;

/// <summary>
/// What each route charges for each Veo model: the rows shipped with the module, plus any a user
/// supplies because their prices are newer than ours.
/// </summary>
public sealed class PriceBook
{
    private const string ResourceName = "Veo.Core.Pricing.pricebook.json";

    private static readonly Lazy<PriceBook> Embedded = new(() => new PriceBook(PriceBookFile.Parse(ReadEmbedded(), "pricebook.json (embedded)")));

    internal PriceBook(IEnumerable<PriceRow> rows) => Rows = rows.ToList();

    /// <summary>The prices shipped with the module, each with its source and date.</summary>
    public static PriceBook Default => Embedded.Value;

    public IReadOnlyList<PriceRow> Rows { get; }

    /// <summary>
    /// A new book with the rows of the JSON file at <paramref name="jsonPath"/> (same format as the embedded
    /// book): a row with the same route, model and resolution replaces ours, any other is added.
    /// </summary>
    /// <exception cref="PriceBookFormatException">The file is not a valid price book; the message names the row.</exception>
    public PriceBook WithOverrides(string jsonPath)
    {
        var overrides = PriceBookFile.Parse(File.ReadAllText(jsonPath), jsonPath);
        var replaced = new HashSet<PriceKey>(overrides.Select(PriceKey.Of));
        return new PriceBook(Rows.Where(row => !replaced.Contains(PriceKey.Of(row))).Concat(overrides));
    }

    /// <summary>The cost of <paramref name="count"/> videos, or null when the book has no price for them.</summary>
    /// <param name="model">A model family or any route's model id for it.</param>
    /// <param name="audio">False prices silent videos: only rows that say so (audio: false) match, since a route
    /// without them cannot make one.</param>
    public PriceQuote? Quote(string route, string model, int seconds, string resolution, int count = 1, bool audio = true)
    {
        if (seconds <= 0) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A video lasts at least one second.");
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "Quote at least one video.");
        var canonical = Resolutions.Normalize(resolution)
            ?? throw new ArgumentException($"'{resolution}' is not one of {string.Join(", ", Resolutions.All)}.", nameof(resolution));
        var family = ModelFamily.Of(model);

        var candidates = Rows.Where(row =>
            string.Equals(row.Route, route, StringComparison.OrdinalIgnoreCase) && row.Model == family
            && (audio ? row.Audio != false : row.Audio == false)).ToList();
        // A price for this resolution beats one that holds for every resolution.
        var row = candidates.FirstOrDefault(r => r.Resolution == canonical)
            ?? candidates.FirstOrDefault(r => r.Resolution is null);
        return row is null ? null : PriceQuote.From(row, seconds, canonical, count);
    }

    /// <summary>Every route × model × resolution the query covers that has a price, cheapest first.</summary>
    public IReadOnlyList<PriceQuote> Table(PriceQuery query)
    {
        var resolutions = query.Resolution is null ? Resolutions.All : new[] { query.Resolution };
        var family = query.Model is null ? null : ModelFamily.Of(query.Model);
        var routes = Rows.Select(r => r.Route)
            .Where(r => query.Route is null || string.Equals(r, query.Route, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var models = Rows.Select(r => r.Model).Where(m => family is null || m == family).Distinct();

        return (
            from route in routes
            from model in models
            from resolution in resolutions
            where Makes(route, model, resolution)
            let quote = Quote(route, model, query.Duration, resolution, query.Count, query.Audio)
            where quote is not null
            orderby quote.Cost, quote.Route, quote.Model, Resolutions.Rank(quote.Resolution)
            select quote).ToList();
    }

    /// <summary>
    /// Whether the catalog has the route's model of this family make the resolution (a price "for every resolution" is
    /// not a 360p video on a route that makes none); a route or family the catalog does not know is not filtered.
    /// </summary>
    private static bool Makes(string route, string family, string resolution)
    {
        var entries = Models.ModelCatalog.Default.Entries.Where(e => e.Family == family).ToList();
        var routes = entries.Where(e => string.Equals(e.Route, route, StringComparison.OrdinalIgnoreCase)).ToList();
        var known = routes.Count > 0 ? routes : entries;
        return known.Count == 0 || known.Any(e => e.Resolutions.Contains(resolution));
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(PriceBook).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The module is missing its embedded price book '{ResourceName}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
