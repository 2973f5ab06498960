using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Veo.TestSupport;

/// <summary>What a child process did: its output, wall time, and peak resident memory when run under /usr/bin/time -v.</summary>
internal sealed record ChildResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, long? PeakRssBytes);

/// <summary>
/// The programs the benchmarks and the soak start: run to the end (<see cref="RunAsync"/>: curl, python, pwsh, the
/// benchmark itself, with their peak RSS), or started and watched (<see cref="Start"/>: the emulator and the demo app,
/// their output collected line by line, killed at will).
/// </summary>
internal sealed partial class ChildProcess : IDisposable
{
    public const string TimeProgram = "/usr/bin/time";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public static bool CanMeasureMemory => File.Exists(TimeProgram);

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public IReadOnlyList<string> Lines => _lines.ToArray();

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

    /// <summary>This program, ready to be started again as a child with other arguments.</summary>
    public static (string Program, IReadOnlyList<string> LeadingArguments) Self()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("This program cannot find its own executable.");
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? (path, [typeof(ChildProcess).Assembly.Location])
            : (path, []);
    }

    /// <summary>Starts <c>dotnet App.dll args</c>, the dll taken from next to this assembly.</summary>
    public static ChildProcess Start(string app, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, app + ".dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) child._lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) child._lines.Enqueue("stderr: " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The first output line that <paramref name="match"/> accepts, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<string?> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.FirstOrDefault(match) is { } line) return line;
            if (_process.HasExited) return null;
            await Task.Delay(50);
        }
        return null;
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL on Linux and macOS (TerminateProcess on Windows): no handler runs, no finally block, no flush.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>The dotnet host running this process, so children run on the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        // .../shared/Microsoft.NETCore.App/8.0.x/ -> .../dotnet
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }

    private static long? PeakRss(string timeOutput)
    {
        var match = MaxRssLine().Match(timeOutput);
        return match.Success ? long.Parse(match.Groups[1].Value) * 1024 : null;
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRssLine();
}
