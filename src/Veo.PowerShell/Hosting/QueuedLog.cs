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

    /// <param name="mayPrompt">False when the debug and verbose streams would ask "Continue?": the lines then go straight to the host's display.</param>
    public void DrainTo(PSCmdlet cmdlet, bool mayPrompt)
    {
        while (_queue.TryDequeue(out var item))
        {
            switch (item.Level)
            {
                case 'W': cmdlet.WriteWarning(item.Message); break;
                case 'D' when mayPrompt: cmdlet.WriteDebug(item.Message); break;
                case 'D': cmdlet.Host.UI.WriteDebugLine(item.Message); break;
                case 'V' when mayPrompt: cmdlet.WriteVerbose(item.Message); break;
                default: cmdlet.Host.UI.WriteVerboseLine(item.Message); break;
            }
        }
    }
}
