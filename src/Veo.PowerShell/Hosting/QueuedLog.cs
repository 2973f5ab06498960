using System.Collections.Concurrent;
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

    public void DrainTo(ICmdletHost host)
    {
        while (_queue.TryDequeue(out var item))
        {
            switch (item.Level)
            {
                case 'W': host.WriteWarning(item.Message); break;
                case 'D': host.WriteDebug(item.Message); break;
                default: host.WriteVerbose(item.Message); break;
            }
        }
    }
}
