using System.Runtime.InteropServices;

namespace Veo.Soak;

/// <summary>What the figures were measured on.</summary>
public static class Machine
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"machine: {Environment.ProcessorCount} cores, {memory:0.0} GiB memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}
