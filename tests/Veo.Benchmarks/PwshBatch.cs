using System.Globalization;
using System.Text.Json;

namespace Veo.Benchmarks;

/// <summary>What one pwsh batch reported: tasks out of the pipeline, how many completed, error records, and the seconds it took.</summary>
internal sealed record PwshBatchResult(int Tasks, int Completed, int Errors, double Seconds);

/// <summary>
/// Runs a batch the way users do: the module published to a folder, imported into a fresh pwsh (the repository's local
/// tool, `dotnet pwsh`), connected to an emulator in this process, and a pipeline of cmdlets timed inside pwsh.
/// </summary>
internal sealed class PwshBatch : IDisposable
{
    private readonly DirectoryInfo _module = Directory.CreateTempSubdirectory("veo-bench-pwsh-");
    private readonly string _manifest;

    /// <summary>The published module's manifest, quoted for a single-quoted PowerShell string.</summary>
    public string Manifest => _manifest;

    public PwshBatch()
    {
        var publish = ChildProcess.Run("dotnet", ["publish", Path.Combine(Repository.Root, "src", "Veo.PowerShell", "Veo.PowerShell.csproj"),
            "-c", "Release", "-o", Path.Combine(_module.FullName, "Veo"), "--nologo"], timeout: TimeSpan.FromMinutes(10));
        if (publish.ExitCode != 0) throw new InvalidOperationException($"Publishing the module failed: {publish.Stdout}{publish.Stderr}");
        _manifest = Path.Combine(_module.FullName, "Veo", "Veo.psd1").Replace("'", "''");
    }

    /// <param name="connect">Connect-Veo's extra parameters (the quota).</param>
    /// <param name="pipeline">The timed pipeline; its output is what is counted.</param>
    public async Task<PwshBatchResult> RunAsync(Uri emulator, string connect, string pipeline)
    {
        var home = Directory.CreateTempSubdirectory("veo-bench-pwsh-home-");
        try
        {
            var script = $$"""
                $ErrorActionPreference = 'Continue'
                $env:VEO_HOME = '{{home.FullName.Replace("'", "''")}}'
                Import-Module '{{_manifest}}'
                Connect-Veo -Route LaoZhang -BaseUri '{{emulator}}' -ApiKey (ConvertTo-SecureString {{Settings.Key}} -AsPlainText -Force) {{connect}} | Out-Null
                $Error.Clear()
                $watch = [Diagnostics.Stopwatch]::StartNew()
                $tasks = @({{pipeline}})
                $watch.Stop()
                [pscustomobject]@{
                    Tasks = $tasks.Count
                    Completed = @($tasks | Where-Object Status -eq 'Completed').Count
                    Errors = $Error.Count
                    Seconds = $watch.Elapsed.TotalSeconds
                } | ConvertTo-Json -Compress
                """;
            var result = await ChildProcess.RunAsync("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", script],
                workingDirectory: Repository.Root, timeout: TimeSpan.FromHours(1));
            if (result.ExitCode != 0) throw new InvalidOperationException($"pwsh failed (exit {result.ExitCode}): {result.Stderr}{result.Stdout}");
            var json = result.Stdout.Trim().Split('\n')[^1];
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return new PwshBatchResult(root.GetProperty("Tasks").GetInt32(), root.GetProperty("Completed").GetInt32(),
                root.GetProperty("Errors").GetInt32(), root.GetProperty("Seconds").GetDouble());
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    public void Dispose() => _module.Delete(recursive: true);
}

internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Veo.sln"))) return folder.FullName;
        throw new InvalidOperationException("Veo.sln was not found above the benchmark's folder.");
    }

    public static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
