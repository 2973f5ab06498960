using System.Runtime.InteropServices;

namespace Veo.TestSupport;

/// <summary>What the figures (benchmarks, soak) were measured on, printed with every run.</summary>
internal static class Machine
{
    /// <param name="tools">Other programs whose version the figures depend on, as (name, program), e.g. ("curl", "curl").</param>
    public static IEnumerable<string> Describe(params (string Name, string Program)[] tools)
    {
        yield return $"CPU: {CpuModel()} ({Environment.ProcessorCount} logical cores)";
        yield return $"Memory: {MemoryTotal()}";
        yield return $"OS: {OsName()} (kernel {Kernel()})";
        yield return $".NET: {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture}), GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}";
        foreach (var (name, program) in tools) yield return $"{name}: {FirstLine(program, "--version")}";
    }

    private static string CpuModel() =>
        ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string MemoryTotal()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kib)
            ? $"{kib / 1024.0 / 1024:0.0} GiB"
            : $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB available to .NET";
    }

    private static string OsName() =>
        ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"')
        ?? RuntimeInformation.OSDescription;

    private static string Kernel() => ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault() ?? RuntimeInformation.OSDescription;

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];

    private static string FirstLine(string program, string argument)
    {
        var result = ChildProcess.TryRun(program, [argument]);
        return result is null ? "not found" : (result.Stdout + result.Stderr).Split('\n')[0].Trim();
    }
}
