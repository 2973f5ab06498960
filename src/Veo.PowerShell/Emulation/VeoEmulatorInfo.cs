namespace Veo.PowerShell.Emulation;

/// <summary>
/// A running emulator as Start-VeoEmulator -PassThru shows it. Listening, BaseUri and ApiKey are what another runspace
/// or process connects with (Connect-Veo -BaseUri -ApiKey); the key is the emulator's own, made for it, worth nothing.
/// Its times are seconds, as Start-VeoEmulator's parameters take them.
/// </summary>
public sealed record VeoEmulatorInfo(Uri BaseUri, string ApiKey, bool IsListening, string DefaultRoute, IReadOnlyList<string> Routes,
    string JournalPath, double RenderSeconds, double QueueSeconds, double ContentLagSeconds)
{
    internal static VeoEmulatorInfo Of(SessionEmulator emulator) => new(emulator.BaseUri, emulator.Emulator.Options.ApiKey, emulator.IsListening,
        emulator.DefaultRoute, emulator.Routes, emulator.JournalPath, emulator.Emulator.Options.RenderTime.TotalSeconds,
        emulator.Emulator.Options.QueueTime.TotalSeconds, emulator.Emulator.Options.ContentLag.TotalSeconds);
}
