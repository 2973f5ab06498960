using System.Globalization;
using Veo.Core;
using Veo.Core.Http;
using Veo.Core.Pricing;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Emulator;

namespace Veo.Benchmarks;

/// <summary>
/// A Gemini Omni video answered inline (the Interactions API's base64 "data" inside the interaction's JSON), saved by Veo
/// in a child process (<see cref="SaveOneCommand"/> on the Google route): its peak RSS must not grow with the video, since
/// the answer is streamed through the decoder the Vertex route uses and never held whole.
/// </summary>
internal sealed class InlineSaveBenchmark(TextWriter output)
{
    private const long Size = 100L << 20;
    private const double RssTargetBytes = 64 * 1024 * 1024;

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            ApiKey = Settings.Key, QueueTime = TimeSpan.Zero, RenderTime = TimeSpan.Zero, ContentLag = TimeSpan.Zero, LargeVideoBytes = Size,
        });
        var id = await CreateAsync(emulator.BaseUri);
        var folder = Directory.CreateTempSubdirectory("veo-bench-inline-");
        try
        {
            var path = Path.Combine(folder.FullName, "omni.mp4");
            var (program, leading) = ChildProcess.Self();
            var result = await ChildProcess.RunAsync(program, [.. leading, SaveOneCommand.Name, emulator.BaseUri.ToString(), Settings.Key, id, path, "0", BuiltInRoutes.GoogleName],
                measureMemory: ChildProcess.CanMeasureMemory);
            if (result.ExitCode != 0) throw new InvalidOperationException($"The save failed (exit {result.ExitCode}): {result.Stderr}{result.Stdout}");
            var fields = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.Contains("seconds=", StringComparison.Ordinal))
                .Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
            var length = new FileInfo(path).Length;
            if (length != Size) throw new InvalidOperationException($"Veo wrote {length} bytes, expected {Size}.");
            // /usr/bin/time's figure where it is installed, else the child's own VmHWM.
            var peak = result.PeakRssBytes ?? long.Parse(fields["peak_after"], CultureInfo.InvariantCulture);
            var seconds = double.Parse(fields["seconds"], CultureInfo.InvariantCulture);
            var rows = new List<Row>
            {
                new("100 MiB inline video (Interactions, base64 in the JSON) peak RSS", Table.MiB(peak), "-", "-", "≤ 64 MiB", peak <= RssTargetBytes),
                new("100 MiB inline video save time (133 MiB of JSON decoded)", $"{seconds:0.00} s", "-", "-", "-", null),
            };
            Table.Print(output, "Inline save: a Gemini Omni video carried in its interaction's JSON", rows);
            return rows;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> CreateAsync(Uri baseUri)
    {
        var home = Directory.CreateTempSubdirectory("veo-bench-home-");
        try
        {
            var engine = new VeoEngine(new TaskJournal(Path.Combine(home.FullName, "journal.jsonl")));
            var route = BuiltInRoutes.Google.At(baseUri);
            var provider = engine.Provider(route, new ApiKey(Settings.Key));
            var plan = engine.Plan(new VideoRequest { Prompt = "A lighthouse at dusk, one large inline file" }, route, PriceBook.Default);
            return (await engine.CreateAsync(plan, provider, new SpendingCaps(), CancellationToken.None)).Id;
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
