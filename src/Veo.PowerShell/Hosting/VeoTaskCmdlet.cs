using System.Management.Automation;
using System.Security;
using Veo.Core.Providers;
using Veo.Core.Tasks;
using Veo.PowerShell.Binding;

namespace Veo.PowerShell.Hosting;

/// <summary>
/// A cmdlet that acts on existing tasks: VideoTask objects (piped, or an array given to -InputObject), or ids with an
/// optional route by property name (Import-Csv ids.csv). Each finds its task's provider and key. The cmdlets declare
/// -InputObject and -Id themselves, since their positions differ (Save-VeoVideo's first position is -Path).
/// </summary>
public abstract class VeoTaskCmdlet : VeoCmdlet
{
    protected const string TaskSet = "Task";
    protected const string IdSet = "Id";

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [BlankIsDefault]
    [ArgumentCompleter(typeof(Completion.RouteCompleter))]
    public string? Route { get; set; }

    /// <summary>Not bound from piped objects: a key goes only where a command or a registered route sends it.</summary>
    [Parameter(ParameterSetName = IdSet)]
    public Uri? BaseUri { get; set; }

    [Parameter]
    [Alias("AccessToken")]
    public SecureString? ApiKey { get; set; }

    protected abstract VideoTask[]? InputTasksParameter { get; }
    protected abstract string[]? IdParameter { get; }

    /// <summary>What the failed record was about, for an error's target.</summary>
    protected object? InputTarget => (object?)InputTasksParameter ?? IdParameter;

    /// <summary>The tasks this record carries: the tasks given, or one per id (a task known to the journal keeps its details).</summary>
    protected IEnumerable<VideoTask> InputTasks()
    {
        if (InputTasksParameter is { } tasks)
        {
            foreach (var task in tasks.Where(t => t is not null)) yield return task;
            yield break;
        }
        foreach (var id in IdParameter ?? Array.Empty<string>())
        {
            if (string.IsNullOrWhiteSpace(id)) continue;
            // One look-up per id in the live journal (read once, then only what was appended); the archive only for a miss.
            var known = Session.Engine.Journal.Find(id.Trim())?.Task ?? new VideoTask { Id = id.Trim() };
            var route = Session.ResolveRoute(string.IsNullOrWhiteSpace(Route) ? NullIfEmpty(known.Route) : Route, BaseUri ?? known.BaseUri);
            yield return known with { Route = route.Name, BaseUri = route.BaseUri };
        }
    }

    protected IVideoProvider ProviderFor(VideoTask task)
    {
        var route = Session.ResolveRoute(NullIfEmpty(task.Route), task.BaseUri);
        return Session.Engine.Provider(route, Session.ResolveKey(route, KeyFrom(ApiKey)), Log);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
