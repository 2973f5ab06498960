using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Veo.Benchmarks;

/// <summary>
/// The emulator as its own process, started through its command line (src/Veo.Emulator.Server, Program.cs): the cmdlet
/// benchmarks' pwsh talks to it over loopback, and neither shares a thread pool or a garbage collector with the other.
/// (The Pester suite uses the module's Start-VeoEmulator -Listen instead.)
/// </summary>
internal sealed partial class StandaloneEmulator : IDisposable
{
    private readonly Process _process;

    private StandaloneEmulator(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static string Dll => Path.Combine(Repository.Root, "src", "Veo.Emulator.Server", "bin", "Release", "net8.0", "Veo.Emulator.Server.dll");

    /// <param name="options">Command-line options, e.g. ("render-seconds", 2), ("content-lag-seconds", 1).</param>
    public static async Task<StandaloneEmulator> StartAsync(params (string Name, double Value)[] options)
    {
        if (!File.Exists(Dll)) throw new InvalidOperationException($"The emulator is not built: {Dll} is missing (dotnet pwsh ./build.ps1 Build).");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Dll, "--port", "0", "--key", Settings.Key }) start.ArgumentList.Add(argument);
        foreach (var (name, value) in options)
        {
            start.ArgumentList.Add("--" + name);
            start.ArgumentList.Add(value.ToString(CultureInfo.InvariantCulture));
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            var match = Listening().Match(line);
            if (!match.Success) continue;
            // Keep draining its output, so a full pipe never blocks it.
            _ = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync() is not null) { } });
            return new StandaloneEmulator(process, new Uri(match.Groups[1].Value));
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The emulator exited before it listened.");
    }

    /// <summary>Requests the emulator answered, as method and path (its admin endpoint, GET /_emulator/requests).</summary>
    public async Task<IReadOnlyList<(string Method, string Path)>> RequestsAsync()
    {
        using var http = new HttpClient();
        using var answer = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(BaseUri, "_emulator/requests")));
        return answer.RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("method").GetString() ?? "", r.GetProperty("path").GetString() ?? ""))
            .ToList();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (\S+)")]
    private static partial Regex Listening();
}
