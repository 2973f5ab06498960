using Veo.Core;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>
/// Runs real cmdlet classes as a PowerShell pipeline would: BeginProcessing on every stage, each
/// object streamed downstream the moment it is written (bound by value or property name), then
/// EndProcessing stage by stage.
/// </summary>
internal sealed class Pipeline
{
    private readonly List<(VeoCmdlet Cmdlet, RecordingHost Host, PipelineBinder Binder)> _stages = new();

    public Pipeline(VeoSession session, string location, params VeoCmdlet[] cmdlets)
    {
        for (var i = cmdlets.Length - 1; i >= 0; i--)
        {
            var next = i + 1 < cmdlets.Length ? _stages[0] : default;
            Action<object>? downstream = next.Cmdlet is null ? null : value => Feed(next, value);
            var host = new RecordingHost(location, downstream);
            cmdlets[i].VeoHost = host;
            cmdlets[i].Session = session;
            _stages.Insert(0, (cmdlets[i], host, new PipelineBinder(cmdlets[i])));
        }
    }

    public RecordingHost Host(int stage) => _stages[stage].Host;
    public RecordingHost Last => _stages[^1].Host;
    public IReadOnlyList<object> Output => Last.Output;
    public IEnumerable<VeoError> AllErrors => _stages.SelectMany(s => s.Host.Errors);
    public IEnumerable<string> AllText => _stages.SelectMany(s => s.Host.AllText());

    /// <summary>Runs the pipeline over <paramref name="input"/> (none: the first cmdlet runs once with its parameters).</summary>
    public Pipeline Run(params object[] input)
    {
        foreach (var stage in _stages) stage.Cmdlet.RunBegin();
        if (input.Length == 0) _stages[0].Cmdlet.RunProcess();
        foreach (var item in input) Feed(_stages[0], item);
        foreach (var stage in _stages) stage.Cmdlet.RunEnd();
        return this;
    }

    private static void Feed((VeoCmdlet Cmdlet, RecordingHost Host, PipelineBinder Binder) stage, object value)
    {
        stage.Binder.Bind(value);
        stage.Cmdlet.RunProcess();
    }
}
