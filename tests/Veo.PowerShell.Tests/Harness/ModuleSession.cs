namespace Veo.PowerShell.Tests.Harness;

/// <summary>
/// One runspace with the module imported, shared by the tests of a class that only read what the module ships
/// (help, formats, completion, command metadata) and need no emulator or home of their own.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    public VeoShell Shell { get; } = new(Path.GetTempPath());

    public void Dispose() => Shell.Dispose();
}
