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
    /// <summary>The models of the route being typed (-Route), else of the session's default route.</summary>
    internal override IEnumerable<string> Candidates(IDictionary boundParameters)
    {
        var routeName = boundParameters?["Route"] as string;
        var routes = RunspaceSessions.Current.Routes;
        var route = routes.Find(routeName ?? "") ?? routes.Find(RunspaceSessions.Current.DefaultRoute);
        return route?.ModelNames ?? Enumerable.Empty<string>();
    }
}

public sealed class RouteCompleter : VeoCompleter
{
    internal override IEnumerable<string> Candidates(IDictionary boundParameters) => RunspaceSessions.Current.Routes.All.Select(r => r.Name);
}

public sealed class ResolutionCompleter : VeoCompleter
{
    /// <summary>The resolutions a model of the route being typed (-Route) makes, else any route's; lowest first.</summary>
    internal override IEnumerable<string> Candidates(IDictionary boundParameters)
    {
        var routes = RunspaceSessions.Current.Routes;
        var named = routes.Find(boundParameters?["Route"] as string ?? "");
        var models = (named is null ? routes.All : new[] { named }).SelectMany(r => r.Models).ToList();
        return Resolutions.All.Where(r => models.Any(m => m.Resolutions.Contains(r)));
    }
}

public sealed class AspectRatioCompleter : VeoCompleter
{
    internal override IEnumerable<string> Candidates(IDictionary boundParameters) => VideoFormat.AspectRatios;
}

public sealed class DurationCompleter : VeoCompleter
{
    internal override IEnumerable<string> Candidates(IDictionary boundParameters) => VideoFormat.Durations.Select(d => d.ToString());
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
