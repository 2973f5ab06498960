namespace Veo.PowerShell.Emulation;

/// <summary>A running emulator as Start-VeoEmulator -PassThru shows it.</summary>
public sealed record VeoEmulatorInfo(Uri BaseUri, string DefaultRoute, IReadOnlyList<string> Routes, string JournalPath,
    TimeSpan RenderTime, TimeSpan QueueTime, TimeSpan ContentLag)
{
    internal static VeoEmulatorInfo Of(SessionEmulator emulator) => new(emulator.BaseUri, emulator.DefaultRoute, emulator.Routes,
        emulator.JournalPath, emulator.Emulator.Options.RenderTime, emulator.Emulator.Options.QueueTime, emulator.Emulator.Options.ContentLag);
}
