using System.Management.Automation;
using System.Security;
using Veo.Core.Providers;
using Veo.Core.Tasks;

namespace Veo.PowerShell.Hosting;

/// <summary>
/// A cmdlet that acts on existing tasks: takes VideoTask objects from New-VeoVideo, or ids with an
/// optional route by property name (Import-Csv ids.csv), and finds each task's provider and key.
/// </summary>
public abstract class VeoTaskCmdlet : VeoCmdlet
{
    protected const string TaskSet = "Task";
    protected const string IdSet = "Id";

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    public VideoTask? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId", "task_id")]
    [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
    public string[]? Id { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [ArgumentCompleterAttribute(typeof(Completion.RouteCompleter))]
    public string? Route { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    public Uri? BaseUri { get; set; }

    [Parameter]
    public SecureString? ApiKey { get; set; }

    /// <summary>The tasks this record carries: the piped object, or one per id (a task known to the journal keeps its details).</summary>
    protected IEnumerable<VideoTask> InputTasks()
    {
        if (InputObject is not null)
        {
            yield return InputObject;
            yield break;
        }
        var journal = Session.Engine.Journal.Tasks().ToDictionary(t => t.Task.Id, t => t.Task, StringComparer.Ordinal);
        foreach (var id in Id ?? Array.Empty<string>())
        {
            if (string.IsNullOrWhiteSpace(id)) continue;
            var known = journal.TryGetValue(id.Trim(), out var t) ? t : new VideoTask { Id = id.Trim() };
            var route = Session.ResolveRoute(string.IsNullOrWhiteSpace(Route) ? NullIfEmpty(known.Route) : Route, BaseUri ?? known.BaseUri);
            yield return known with { Route = route.Name, BaseUri = route.BaseUri };
        }
    }

    protected IVideoProvider ProviderFor(VideoTask task)
    {
        var route = Session.ResolveRoute(NullIfEmpty(task.Route), task.BaseUri);
        return Session.Engine.Provider(route, Session.ResolveKey(route, KeyFrom(ApiKey)));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
