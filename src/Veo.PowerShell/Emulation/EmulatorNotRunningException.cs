namespace Veo.PowerShell.Emulation;

/// <summary>A command that drives the emulator ran in a session that has none (Start-VeoEmulator was not run, or was stopped).</summary>
public sealed class EmulatorNotRunningException : InvalidOperationException
{
    public EmulatorNotRunningException(string command)
        : base($"{command} needs the emulator: run Start-VeoEmulator first in this session.")
    {
    }
}
