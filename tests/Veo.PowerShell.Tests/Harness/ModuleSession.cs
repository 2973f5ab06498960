namespace Veo.PowerShell.Tests.Harness;

/// <summary>
/// One runspace with the module imported, shared by the tests of a class that only read what the module ships
/// (help, formats, completion, command metadata) and need no emulator; it has an empty home of its own.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    private readonly Veo.Core.Tests.Support.TestHome _home = new();
    private readonly IsolatedEnvironment _environment;

    public ModuleSession()
    {
        _environment = new IsolatedEnvironment(_home.Folder);
        Shell = new VeoShell(_home.Folder);
    }

    public VeoShell Shell { get; }

    public void Dispose()
    {
        Shell.Dispose();
        _environment.Dispose();
        _home.Dispose();
    }
}
