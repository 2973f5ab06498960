using System.Runtime.InteropServices;

namespace Veo.Benchmarks;

/// <summary>
/// Writes every dirty page to disk before a timed download, so neither client pays for writing back the one before it:
/// each timed run writes into a clean page cache, as a first download on an idle machine does.
/// </summary>
internal static class PageCache
{
    public static void Settle()
    {
        if (OperatingSystem.IsLinux()) Sync();
    }

    [DllImport("libc", EntryPoint = "sync")]
    private static extern void Sync();
}
