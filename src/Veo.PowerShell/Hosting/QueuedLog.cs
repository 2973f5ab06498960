using System.Collections.Concurrent;
using System.Management.Automation;
using Veo.Core.Tasks;

namespace Veo.PowerShell.Hosting;

/// <summary>
/// The engine logs from background threads; PowerShell streams may only be written from the
/// pipeline thread. Messages wait here until the cmdlet drains them.
/// </summary>
internal sealed class QueuedLog : IEngineLog
{
    private readonly ConcurrentQueue<(char Level, string Message)> _queue = new();

    public void Verbose(string message) => _queue.Enqueue(('V', message));
    public void Debug(string message) => _queue.Enqueue(('D', message));
    public void Warning(string message) => _queue.Enqueue(('W', message));

    /// <param name="debugMayPrompt">False once money is spent: a debug line must not ask "Continue?" then, so it goes to verbose.</param>
    public void DrainTo(Cmdlet cmdlet, bool debugMayPrompt)
    {
        while (_queue.TryDequeue(out var item))
        {
            switch (item.Level)
            {
                case 'W': cmdlet.WriteWarning(item.Message); break;
                case 'D' when debugMayPrompt: cmdlet.WriteDebug(item.Message); break;
                case 'D': cmdlet.WriteVerbose("DEBUG: " + item.Message); break;
                default: cmdlet.WriteVerbose(item.Message); break;
            }
        }
    }
}
