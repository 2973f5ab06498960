using System.Text.Json;

namespace Veo.Benchmarks;

/// <summary>
/// Runs the benchmark scripts (tests/Veo.Benchmarks/pwsh) in PowerShell 7.6.9, the local dotnet tool of the
/// repository (dotnet pwsh), each in a fresh process with its own VEO_HOME, and reads the RESULT line they print.
/// </summary>
internal static class Pwsh
{
    /// <summary>The module as build.ps1 Build lays it out, the one users import.</summary>
    public static string Module => Path.Combine(Repository.Root, "out", "Veo", "Veo.psd1");

    /// <summary>Why the cmdlet benchmarks cannot run here, or null.</summary>
    public static string? Missing()
    {
        if (!File.Exists(Module)) return $"The module is not laid out: {Module} is missing (dotnet pwsh ./build.ps1 Build).";
        var probe = ChildProcess.TryRun("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", "$PSVersionTable.PSVersion.ToString()"]);
        return probe is { ExitCode: 0 } ? null : "dotnet pwsh does not run: run 'dotnet tool restore' in the repository first.";
    }

    public static string Version() =>
        ChildProcess.TryRun("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", "$PSVersionTable.PSVersion.ToString()"])?.Stdout.Trim() ?? "not found";

    /// <summary>Runs pwsh/<paramref name="script"/> with -Name value arguments; returns its RESULT object.</summary>
    public static async Task<JsonElement> RunAsync(string script, string home, params (string Name, string Value)[] arguments)
    {
        var args = new List<string> { "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(AppContext.BaseDirectory, "pwsh", script) };
        foreach (var (name, value) in arguments)
        {
            args.Add("-" + name);
            args.Add(value);
        }
        var previous = Environment.GetEnvironmentVariable("VEO_HOME");
        Environment.SetEnvironmentVariable("VEO_HOME", home);
        try
        {
            var result = await ChildProcess.RunAsync("dotnet", args, workingDirectory: Repository.Root, timeout: TimeSpan.FromMinutes(30));
            var line = result.Stdout.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
            if (result.ExitCode != 0 || line is null)
                throw new InvalidOperationException($"pwsh {script} failed (exit {result.ExitCode}): {result.Stderr}{result.Stdout}");
            return JsonDocument.Parse(line["RESULT ".Length..]).RootElement.Clone();
        }
        finally
        {
            Environment.SetEnvironmentVariable("VEO_HOME", previous);
        }
    }

    /// <summary>A fresh VEO_HOME with a videos folder; deleted by the caller.</summary>
    public static DirectoryInfo NewHome(string name) => Directory.CreateTempSubdirectory($"veo-bench-{name}-");
}
