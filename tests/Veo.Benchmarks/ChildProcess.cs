using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Veo.Benchmarks;

/// <summary>What a child process did: its output, wall time, and peak resident memory when run under /usr/bin/time -v.</summary>
internal sealed record ChildResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, long? PeakRssBytes);

/// <summary>Runs the programs being compared (curl, python, this benchmark as a child) and reads their peak RSS.</summary>
internal static partial class ChildProcess
{
    public const string TimeProgram = "/usr/bin/time";

    public static bool CanMeasureMemory => File.Exists(TimeProgram);

    /// <summary>Runs a program that does not talk to an emulator in this process, blocking the caller.</summary>
    public static ChildResult Run(string program, IReadOnlyList<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null) =>
        RunAsync(program, arguments, measureMemory: false, workingDirectory, timeout).GetAwaiter().GetResult();

    /// <summary>
    /// Runs <paramref name="program"/>; with <paramref name="measureMemory"/>, under GNU time to learn its peak RSS. Waits
    /// without blocking a thread: the emulator serving the child runs on this process's thread pool, and on two cores a
    /// blocked pool thread would slow it.
    /// </summary>
    public static async Task<ChildResult> RunAsync(string program, IReadOnlyList<string> arguments, bool measureMemory = false,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(measureMemory ? TimeProgram : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (measureMemory)
        {
            start.ArgumentList.Add("-v");
            start.ArgumentList.Add(program);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(30)))
        {
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish within {timeout}.");
            }
        }
        watch.Stop();
        var error = await stderr;
        return new ChildResult(process.ExitCode, await stdout, error, watch.Elapsed, measureMemory ? PeakRss(error) : null);
    }

    /// <summary>Runs a program if it exists; null when it does not.</summary>
    public static ChildResult? TryRun(string program, IReadOnlyList<string> arguments)
    {
        try
        {
            return Run(program, arguments, timeout: TimeSpan.FromSeconds(30));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="program"/> is found on PATH.</summary>
    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(folder => File.Exists(Path.Combine(folder, program)));

    /// <summary>This benchmark program, ready to be started again as a child with other arguments.</summary>
    public static (string Program, IReadOnlyList<string> LeadingArguments) Self()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? (path, [typeof(ChildProcess).Assembly.Location])
            : (path, []);
    }

    private static long? PeakRss(string timeOutput)
    {
        var match = MaxRssLine().Match(timeOutput);
        return match.Success ? long.Parse(match.Groups[1].Value) * 1024 : null;
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRssLine();
}
