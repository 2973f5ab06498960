using Veo.Emulator;

namespace Veo.Benchmarks;

/// <summary>
/// (b) Creates with no quota: 200 prompts piped into New-VeoVideo one at a time, then with -ThrottleLimit 8, against an
/// emulator whose creates answer after a gateway-like latency. Only the creates are timed (no waiting).
/// </summary>
internal sealed class ThrottleBenchmark(Settings settings, TextWriter output)
{
    private const int Throttle = 8;
    private static readonly TimeSpan CreateLatency = TimeSpan.FromMilliseconds(500);

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        var count = settings.QuotaTasks;
        output.WriteLine($"  {count} prompts, each create answered after {CreateLatency.TotalMilliseconds:0} ms, no quota; driven through pwsh (New-VeoVideo, creates only).");
        using var pwsh = new PwshBatch();
        var serial = await RunAsync(pwsh, count, 1);
        var parallel = await RunAsync(pwsh, count, Throttle);
        var speedup = serial.Result.Seconds / parallel.Result.Seconds;
        var rows = new List<Row>
        {
            new($"{count} creates, -ThrottleLimit {Throttle}", Repository.Seconds(parallel.Result.Seconds), $"one at a time {Repository.Seconds(serial.Result.Seconds)}",
                $"{speedup:0.0}× faster", "-", null),
            new("tasks created / errors", $"{parallel.Created} / {parallel.Result.Errors}", $"one at a time {serial.Created} / {serial.Result.Errors}", "-", $"{count} / 0",
                parallel.Created == count && serial.Created == count && parallel.Result.Errors == 0 && serial.Result.Errors == 0),
        };
        Table.Print(output, $"Creates side by side: {count} prompts, no quota", rows);
        return rows;
    }

    private static async Task<(PwshBatchResult Result, int Created)> RunAsync(PwshBatch pwsh, int count, int throttle)
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { ApiKey = Settings.Key, ContentLag = TimeSpan.Zero });
        emulator.Faults.Add(new Fault(FaultKind.Latency, PathContains: "/v1/videos", Times: count) { Delay = CreateLatency });
        var result = await pwsh.RunAsync(emulator.BaseUri, "-RequestsPerMinute 0 -MaxRunning 0",
            $"1..{count} | ForEach-Object {{ \"A lighthouse at dusk, take $_\" }} | New-VeoVideo -ThrottleLimit {throttle}");
        return (result, emulator.CreatedTaskCount);
    }
}
