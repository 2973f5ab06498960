using System.Globalization;

namespace Veo.Benchmarks;

/// <summary>
/// How long Import-Module Veo (the laid-out out/Veo) takes, two ways: whole processes, dotnet pwsh -c 'Import-Module …'
/// against dotnet pwsh -c '$null' (the dotnet-tool launcher and pwsh's start are in both), and inside fresh pwsh
/// processes with a stopwatch around the import alone, which the launcher's noise does not reach. Inside pwsh the first
/// Import-Module of a process also pays for PowerShell's own module machinery (the dotnet tool's System.Management.Automation
/// is IL only, so that code is compiled on first use, whatever the module): an empty script module imported first gives
/// that share, and Veo imported right after it gives Veo's own.
/// </summary>
internal sealed class ImportBenchmark(TextWriter output)
{
    private const int Rounds = 7;
    private const double TargetMilliseconds = 200;

    public IReadOnlyList<Row> Run()
    {
        if (Pwsh.Missing() is { } missing)
        {
            output.WriteLine($"  {missing}");
            return [];
        }
        var manifest = Pwsh.Module.Replace("'", "''");
        // Alternating, so a machine that drifts moves both.
        var (empty, import) = (new List<double>(), new List<double>());
        for (var i = 0; i < Rounds; i++)
        {
            empty.Add(Process("$null"));
            import.Add(Process($"Import-Module '{manifest}'"));
        }
        var inside = Enumerable.Range(0, Rounds).Select(_ => Timed($"Import-Module '{manifest}'")).ToList();
        var firstCall = Enumerable.Range(0, Rounds).Select(_ => Timed($"Import-Module '{manifest}'; $null = Get-VeoPrice")).ToList();
        var (emptyModule, veoOwn) = EmptyModuleThenVeo(manifest);
        var over = Stats.Median(import) - Stats.Median(empty);
        var rows = new List<Row>
        {
            new($"dotnet pwsh -c 'Import-Module …' (median of {Rounds})", Ms(Stats.Median(import)), $"-c '$null' {Ms(Stats.Median(empty))}", $"+{Ms(over)}", $"≤ +{TargetMilliseconds:0} ms", over <= TargetMilliseconds),
            new("  the same, lowest–highest of each", $"{Ms(import.Min())}–{Ms(import.Max())}", $"{Ms(empty.Min())}–{Ms(empty.Max())}", "-", "-", null),
            new($"Import-Module timed inside a fresh pwsh (median of {Rounds})", Ms(Stats.Median(inside)), "-", "-", $"≤ {TargetMilliseconds:0} ms", Stats.Median(inside) <= TargetMilliseconds),
            new("Import-Module + first Get-VeoPrice, inside", Ms(Stats.Median(firstCall)), "-", "-", "-", null),
            new($"  of which PowerShell's first Import-Module (an empty script module first, median of {Rounds})", Ms(Stats.Median(emptyModule)),
                $"Veo's import inside {Ms(Stats.Median(inside))}", "-", "-", null),
            new($"  Veo's own share: Import-Module Veo right after that one (median of {Rounds})", Ms(Stats.Median(veoOwn)), "-", "-", "-", null),
        };
        Table.Print(output, "Module import (dotnet pwsh, out/Veo)", rows);
        return rows;
    }

    /// <summary>In each fresh pwsh: an empty script module imported first, then Veo, each timed on its own.</summary>
    private static (List<double> EmptyModule, List<double> Veo) EmptyModuleThenVeo(string manifest)
    {
        var folder = Directory.CreateTempSubdirectory("veo-bench-empty-module-");
        try
        {
            var empty = Path.Combine(folder.FullName, "Empty.psm1");
            File.WriteAllText(empty, "function Get-Nothing { }\n");
            var (first, veo) = (new List<double>(), new List<double>());
            for (var i = 0; i < Rounds; i++)
            {
                var pair = Timed($"Import-Module '{empty.Replace("'", "''")}'; $first = $w.Elapsed.TotalMilliseconds; $w.Restart(); Import-Module '{manifest}'; " +
                                 "$first.ToString([cultureinfo]::InvariantCulture)", lines: 2);
                first.Add(pair[0]);
                veo.Add(pair[1]);
            }
            return (first, veo);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static double Process(string command)
    {
        var result = ChildProcess.Run("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", command], workingDirectory: Repository.Root);
        if (result.ExitCode != 0) throw new InvalidOperationException($"pwsh failed: {result.Stderr}{result.Stdout}");
        return result.Elapsed.TotalMilliseconds;
    }

    /// <summary>Milliseconds the script took inside a fresh pwsh, start-up excluded.</summary>
    private static double Timed(string script) => Timed(script, lines: 1)[0];

    /// <summary>The last <paramref name="lines"/> numbers printed: what the script printed, then the stopwatch $w at its end.</summary>
    private static double[] Timed(string script, int lines)
    {
        var command = $"$w = [Diagnostics.Stopwatch]::StartNew(); {script}; $w.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)";
        var result = ChildProcess.Run("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", command], workingDirectory: Repository.Root);
        if (result.ExitCode != 0) throw new InvalidOperationException($"pwsh failed: {result.Stderr}{result.Stdout}");
        return result.Stdout.Trim().Split('\n')[^lines..].Select(l => double.Parse(l.Trim(), CultureInfo.InvariantCulture)).ToArray();
    }

    private static string Ms(double milliseconds) => $"{milliseconds:0} ms";
}
