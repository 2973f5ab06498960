using System.Globalization;

namespace Veo.Benchmarks;

/// <summary>
/// How long Import-Module Veo takes in a fresh pwsh, and the first cmdlet call after it, against pwsh's own start.
/// Needs pwsh on PATH; says so and measures nothing where it is missing.
/// </summary>
internal sealed class ImportBenchmark(TextWriter output)
{
    private const int Rounds = 5;
    private const double TargetMilliseconds = 500;

    public IReadOnlyList<Row> Run()
    {
        if (!ChildProcess.OnPath("pwsh"))
        {
            output.WriteLine("  pwsh is not on PATH: module import time was not measured. Install PowerShell 7 and run 'import' again.");
            return [];
        }

        var module = Directory.CreateTempSubdirectory("veo-bench-module-");
        try
        {
            var root = RepositoryRoot();
            var publish = ChildProcess.Run("dotnet", ["publish", Path.Combine(root, "src", "Veo.PowerShell", "Veo.PowerShell.csproj"),
                "-c", "Release", "-o", Path.Combine(module.FullName, "Veo"), "--nologo"], timeout: TimeSpan.FromMinutes(10));
            if (publish.ExitCode != 0) throw new InvalidOperationException($"Publishing the module failed: {publish.Stdout}{publish.Stderr}");
            var manifest = Path.Combine(module.FullName, "Veo", "Veo.psd1").Replace("'", "''");

            var start = Median(Rounds, () => ChildProcess.Run("pwsh", ["-NoProfile", "-NonInteractive", "-Command", "exit"]).Elapsed.TotalMilliseconds);
            var import = Median(Rounds, () => Timed($"Import-Module '{manifest}'"));
            var firstCall = Median(Rounds, () => Timed($"Import-Module '{manifest}'; $null = Get-VeoPrice"));
            var rows = new List<Row>
            {
                new("Import-Module Veo (median of 5 fresh pwsh)", Ms(import), $"pwsh start {Ms(start)}", Table.Ratio(import / start), "≤ 500 ms", import <= TargetMilliseconds),
                new("Import-Module Veo + first Get-VeoPrice", Ms(firstCall), $"pwsh start {Ms(start)}", Table.Ratio(firstCall / start), "-", null),
            };
            Table.Print(output, "Module import (pwsh)", rows);
            return rows;
        }
        finally
        {
            module.Delete(recursive: true);
        }
    }

    /// <summary>Milliseconds the script took inside a fresh pwsh, start-up excluded.</summary>
    private static double Timed(string script)
    {
        var command = $"$w = [Diagnostics.Stopwatch]::StartNew(); {script}; $w.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)";
        var result = ChildProcess.Run("pwsh", ["-NoProfile", "-NonInteractive", "-Command", command]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"pwsh failed: {result.Stderr}{result.Stdout}");
        return double.Parse(result.Stdout.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
    }

    private static double Median(int rounds, Func<double> measure) => Stats.Median(Enumerable.Range(0, rounds).Select(_ => measure()).ToList());

    private static string Ms(double milliseconds) => $"{milliseconds:0} ms";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Veo.sln"))) return folder.FullName;
        throw new InvalidOperationException("Veo.sln was not found above the benchmark's folder.");
    }
}
