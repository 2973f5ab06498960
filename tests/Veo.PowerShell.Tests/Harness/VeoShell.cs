using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>
/// A real PowerShell runspace with the built module imported, talking to a <see cref="RecordingHost"/>: scripts
/// run through the real binder, ShouldProcess, streams and formatting, as a user's would.
/// </summary>
public sealed class VeoShell : IDisposable
{
    /// <summary>The manifest the build copies next to Veo.PowerShell.dll, with the format file and the help.</summary>
    public static readonly string ModuleManifest = Path.Combine(AppContext.BaseDirectory, "Veo.psd1");

    private readonly Runspace _runspace;

    public VeoShell(string location)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(ModuleManifest);
        _runspace = RunspaceFactory.CreateRunspace(Host, state);
        _runspace.Open();
        _runspace.SessionStateProxy.Path.SetLocation(location);
    }

    public RecordingHost Host { get; } = new();

    /// <summary>Runs <paramref name="script"/>, with each variable set first ($name in the script).</summary>
    public ScriptResult Run(string script, params (string Name, object? Value)[] variables) =>
        Invoke(script, variables, ps => ps.Invoke());

    /// <summary>
    /// Runs <paramref name="script"/> and presses Ctrl+C (PowerShell.Stop) once <paramref name="stopWhen"/> holds (checked
    /// every 20 ms, for at most 30 s): a condition rather than a fixed sleep, so a busy machine cannot make the test stop
    /// before the script reached the point it is about.
    /// </summary>
    public (ScriptResult Result, TimeSpan StopTook) RunAndStop(string script, Func<bool> stopWhen)
    {
        var stopTook = TimeSpan.Zero;
        var result = Invoke(script, Array.Empty<(string, object?)>(), ps =>
        {
            var running = ps.BeginInvoke();
            var patience = System.Diagnostics.Stopwatch.StartNew();
            while (!stopWhen() && !running.IsCompleted && patience.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(20);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            ps.Stop();
            try
            {
                return ps.EndInvoke(running);
            }
            finally
            {
                stopTook = clock.Elapsed;
            }
        });
        return (result, stopTook);
    }

    private ScriptResult Invoke(string script, (string Name, object? Value)[] variables, Func<System.Management.Automation.PowerShell, IEnumerable<PSObject>> invoke)
    {
        foreach (var (name, value) in variables) _runspace.SessionStateProxy.SetVariable(name, value);
        var linesBefore = Host.Lines.Count;
        var promptsBefore = Host.Prompts.Count;
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        // One try block: a terminating error ends the script and escapes as Terminating (instead of ending only its
        // statement), so a test tells it apart from the non-terminating Errors a batch goes on after.
        ps.AddScript("try {\n" + script + "\n} catch { throw }");
        var output = new List<PSObject>();
        RuntimeException? terminating = null;
        try
        {
            output.AddRange(invoke(ps).Where(o => o is not null));
        }
        catch (RuntimeException e)
        {
            terminating = e;
        }
        return new ScriptResult
        {
            Output = output,
            Errors = ps.Streams.Error.ToList(),
            Warnings = ps.Streams.Warning.ToList(),
            Verbose = ps.Streams.Verbose.ToList(),
            Debug = ps.Streams.Debug.ToList(),
            Progress = ps.Streams.Progress.ToList(),
            Information = ps.Streams.Information.ToList(),
            HostLines = Host.Lines.Skip(linesBefore).ToList(),
            Prompts = Host.Prompts.Skip(promptsBefore).ToList(),
            Terminating = terminating,
        };
    }

    public void Dispose() => _runspace.Dispose();
}
