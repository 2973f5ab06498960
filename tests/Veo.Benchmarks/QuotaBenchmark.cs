using Veo.Emulator;

namespace Veo.Benchmarks;

/// <summary>
/// (a) A batch held to a quota: 200 prompts piped into New-VeoVideo -ThrottleLimit 8 | Wait-VeoVideo against an
/// emulator that enforces 30 creates a minute and 5 running per key, with the session told the same quota. The wall
/// time is compared with the quota's own minimum (the earliest the last task can finish when every create goes the
/// moment the quota allows it); there must be no error and no duplicate create.
/// </summary>
internal sealed class QuotaBenchmark(Settings settings, TextWriter output)
{
    private const double Target = 1.2;
    private const int PerMinute = 30;
    private const int Running = 5;
    private static readonly TimeSpan RenderTime = TimeSpan.FromSeconds(6);

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        var count = settings.QuotaTasks;
        var minimum = QuotaMinimum(count, PerMinute, Running, RenderTime);
        output.WriteLine($"  {count} prompts, emulator quota {PerMinute}/min and {Running} running per key, each task renders {RenderTime.TotalSeconds:0} s; " +
                         $"the quota's own minimum is {minimum.TotalSeconds:0} s. Driven through pwsh (New-VeoVideo -ThrottleLimit 8 | Wait-VeoVideo -PollInterval 1).");
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            ApiKey = Settings.Key,
            QueueTime = TimeSpan.FromSeconds(0.5),
            RenderTime = RenderTime,
            ContentLag = TimeSpan.Zero,
            RequestsPerMinute = PerMinute,
            MaxRunning = Running,
        });
        using var pwsh = new PwshBatch();
        var result = await pwsh.RunAsync(emulator.BaseUri, $"-RequestsPerMinute {PerMinute} -MaxRunning {Running}",
            $"1..{count} | ForEach-Object {{ \"A lighthouse at dusk, take $_\" }} | New-VeoVideo -ThrottleLimit 8 | Wait-VeoVideo -PollInterval 1");
        var refused = emulator.Requests.Count(r => r.StatusCode == 429);
        var duplicates = emulator.CreatedTaskCount - count;
        var ratio = result.Seconds / minimum.TotalSeconds;
        output.WriteLine($"  {result.Completed} of {count} completed in {result.Seconds:0.0} s; {result.Errors} errors; {emulator.CreatedTaskCount} tasks created; {refused} creates refused with 429.");

        var rows = new List<Row>
        {
            new($"{count} prompts at {PerMinute}/min, {Running} running: wall time", Repository.Seconds(result.Seconds), $"quota minimum {Repository.Seconds(minimum.TotalSeconds)}",
                Table.Ratio(ratio), $"≤ {Target}×", ratio <= Target),
            new("errors", result.Errors.ToString(), "-", "-", "0", result.Errors == 0 && result.Completed == count),
            new("duplicate creates (created − prompts)", duplicates.ToString(), "-", "-", "0", duplicates == 0),
            new("creates the emulator refused (429)", refused.ToString(), "-", "-", "-", null),
        };
        Table.Print(output, $"A batch at the quota's pace: {count} prompts", rows);
        return rows;
    }

    /// <summary>
    /// The earliest the last task can finish: create i goes at the later of a minute after create i−perMinute (the
    /// sliding window) and the finish of task i−running (the running limit); each finishes a render time later.
    /// </summary>
    internal static TimeSpan QuotaMinimum(int count, int perMinute, int running, TimeSpan render)
    {
        var created = new TimeSpan[count];
        for (var i = 0; i < count; i++)
        {
            var at = TimeSpan.Zero;
            if (i >= perMinute && created[i - perMinute] + TimeSpan.FromMinutes(1) > at) at = created[i - perMinute] + TimeSpan.FromMinutes(1);
            if (i >= running && created[i - running] + render > at) at = created[i - running] + render;
            created[i] = at;
        }
        return created[^1] + render;
    }
}
