using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Veo.Core.Sessions;

namespace Veo.PowerShell.Hosting;

/// <summary>
/// One Veo session per runspace, like PowerShell's own preference state: Connect-Veo in a ForEach-Object -Parallel
/// block or a thread job changes that runspace only. A runspace's session goes when the runspace does.
/// </summary>
internal static class RunspaceSessions
{
    private static readonly ConditionalWeakTable<Runspace, VeoSession> Sessions = new();

    /// <summary>Only reached outside any runspace (a completer called by a host directly); never shared with one.</summary>
    private static readonly Lazy<VeoSession> Detached = new(() => new VeoSession());

    /// <summary>The session of the runspace the calling pipeline thread runs in.</summary>
    public static VeoSession Current =>
        Runspace.DefaultRunspace is { } runspace ? Sessions.GetValue(runspace, _ => new VeoSession()) : Detached.Value;
}
