using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Veo.PowerShell.Hosting;
using Veo.Core.Requests;
using Veo.Core.Routes;

namespace Veo.PowerShell.Completion;

/// <summary>Tab completion: each completer names its candidates; matching and quoting live here once.</summary>
public abstract class VeoCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Matching(Candidates(fakeBoundParameters), wordToComplete)
            .Take(Limit)
            .Select(c => new CompletionResult(Quote(c), c, CompletionResultType.ParameterValue, c));

    internal abstract IEnumerable<string> Candidates(IDictionary boundParameters);

    /// <summary>The most candidates one Tab offers.</summary>
    internal virtual int Limit => int.MaxValue;

    internal static IEnumerable<string> Matching(IEnumerable<string> candidates, string? word)
    {
        var prefix = (word ?? "").Trim('\'', '"');
        return candidates.Where(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    private static string Quote(string value) => value.IndexOfAny(new[] { ' ', ':', '\'' }) >= 0 ? $"'{value.Replace("'", "''")}'" : value;
}

/// <summary>The values of Google's personGeneration (allow_all for text and extension, allow_adult for images).</summary>
public sealed class PersonGenerationCompleter : VeoCompleter
{
    internal override IEnumerable<string> Candidates(IDictionary boundParameters) => new[] { "allow_all", "allow_adult" };
}

public sealed class ModelCompleter : VeoCompleter
{
    /// <summary>The catalog's models of the route being typed (-Route), else of the session's default route; shut-down ones are not offered.</summary>
    internal override IEnumerable<string> Candidates(IDictionary boundParameters) => CatalogOf.Route(boundParameters)?.ModelNames ?? Enumerable.Empty<string>();
}

/// <summary>The families the catalog holds, after the aliases users type (Fast, Standard, Lite).</summary>
public sealed class FamilyCompleter : VeoCompleter
{
    internal override IEnumerable<string> Candidates(IDictionary boundParameters)
    {
        var families = RunspaceSessions.Current.Routes.All.SelectMany(r => r.Models).Select(m => m.Family).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return Core.Models.ModelFamilies.OfferedAliases.Where(a => families.Contains(Core.Models.ModelFamilies.Aliases[a], StringComparer.OrdinalIgnoreCase)).Concat(families);
    }
}

/// <summary>What the completers of a request's values read: the route and model being typed, from the catalog.</summary>
internal static class CatalogOf
{
    public static VideoRoute? Route(IDictionary? boundParameters)
    {
        var routes = RunspaceSessions.Current.Routes;
        return routes.Find(boundParameters?["Route"] as string ?? "") ?? routes.Find(RunspaceSessions.Current.DefaultRoute);
    }

    /// <summary>The models a value may be for: the one -Model names, else every model of the route.</summary>
    public static IReadOnlyList<Core.Models.ModelEntry> Models(IDictionary? boundParameters)
    {
        var route = Route(boundParameters);
        if (route is null) return Array.Empty<Core.Models.ModelEntry>();
        return route.FindModel(boundParameters?["Model"] as string) is { } model ? new[] { model } : route.Models;
    }
}

public sealed class RouteCompleter : VeoCompleter
{
    internal override IEnumerable<string> Candidates(IDictionary boundParameters) => RunspaceSessions.Current.Routes.All.Select(r => r.Name);
}

public sealed class ResolutionCompleter : VeoCompleter
{
    /// <summary>The resolutions the model being typed (-Route, -Model) makes, lowest first.</summary>
    internal override IEnumerable<string> Candidates(IDictionary boundParameters)
    {
        var models = CatalogOf.Models(boundParameters);
        return Resolutions.All.Where(r => models.Any(m => m.Resolutions.Contains(r)));
    }
}

public sealed class AspectRatioCompleter : VeoCompleter
{
    internal override IEnumerable<string> Candidates(IDictionary boundParameters) => VideoFormat.AspectRatios;
}

public sealed class DurationCompleter : VeoCompleter
{
    /// <summary>The lengths the model being typed (-Route, -Model) makes, shortest first.</summary>
    internal override IEnumerable<string> Candidates(IDictionary boundParameters) =>
        CatalogOf.Models(boundParameters).SelectMany(m => m.Durations).Distinct().OrderBy(d => d).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class TaskIdCompleter : VeoCompleter
{
    /// <summary>At most this many ids are offered: a menu of thousands helps nobody, and building it took longer than a Tab may.</summary>
    internal const int MaxResults = 100;

    /// <summary>
    /// The live journal's tasks, newest first: every unfinished one and the newest finished ones (older finished ones are
    /// in the archive, which a Tab never reads).
    /// </summary>
    internal override IEnumerable<string> Candidates(IDictionary boundParameters) =>
        RunspaceSessions.Current.Engine.Journal.RecentIds();

    internal override int Limit => MaxResults;
}
