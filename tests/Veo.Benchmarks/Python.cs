namespace Veo.Benchmarks;

/// <summary>The python3 that runs the documented client: the one on PATH if it has requests, else Debian's.</summary>
internal static class Python
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Executable() => Found.Value;

    /// <summary>Null when requests can be imported; otherwise what to do about it.</summary>
    public static string? MissingRequests() =>
        HasRequests(Executable()) ? null
        : $"{Executable()} cannot import requests: install it with 'apt-get install -y python3-requests' (pip cannot reach PyPI here) and run again.";

    private static string Find()
    {
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
            if (HasRequests(candidate)) return candidate;
        return "python3";
    }

    private static bool HasRequests(string python) => ChildProcess.TryRun(python, ["-c", "import requests"])?.ExitCode == 0;
}
