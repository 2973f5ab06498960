using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Veo.TestSupport;

/// <summary>
/// The emulator as its own process (src/Veo.Emulator.Server, started on its command line), for the benchmarks and the
/// soak: what runs against it shares no thread pool or garbage collector with it, and can be killed apart from it.
/// The one place that starts it and waits for its "listening on URL" line. (The Pester suite uses the module's own
/// Start-VeoEmulator -Listen; the conformance suite starts it from node.)
/// </summary>
internal sealed partial class StandaloneEmulator : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;

    private StandaloneEmulator(ChildProcess process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public int Id => _process.Id;

    /// <summary>Starts it on a free port with <paramref name="key"/> and command-line options such as ("render-seconds", 2).</summary>
    public static async Task<StandaloneEmulator> StartAsync(string key, params (string Name, double Value)[] options)
    {
        var arguments = new List<string> { "--port", "0", "--key", key };
        foreach (var (name, value) in options) arguments.AddRange(["--" + name, value.ToString(CultureInfo.InvariantCulture)]);
        var process = ChildProcess.Start("Veo.Emulator.Server", arguments);
        if (await process.WaitForLineAsync(Listening().IsMatch, StartLimit) is { } line)
            return new StandaloneEmulator(process, new Uri(Listening().Match(line).Groups[1].Value));
        process.Dispose();
        throw new InvalidOperationException("The emulator did not start: " + string.Join(Environment.NewLine, process.Lines));
    }

    /// <summary>Requests the emulator answered, as method and path (its admin endpoint, GET /_emulator/requests).</summary>
    public async Task<IReadOnlyList<(string Method, string Path)>> RequestsAsync()
    {
        using var http = new HttpClient();
        using var answer = JsonDocument.Parse(await http.GetStringAsync(new Uri(BaseUri, "_emulator/requests")));
        return answer.RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("method").GetString() ?? "", r.GetProperty("path").GetString() ?? ""))
            .ToList();
    }

    public void Dispose() => _process.Dispose();

    [GeneratedRegex(@"listening on (http://\S+/)")]
    private static partial Regex Listening();
}
