using System.Globalization;
using System.Text.Json;
using Veo.Emulator;

namespace Veo.Benchmarks;

/// <summary>
/// Issue 27's batch: a CSV of 500 rows (9 bad) through Import-Csv | New-VeoVideo -Batch | Wait-VeoVideo | Save-VeoVideo
/// in pwsh, once on a fault-free emulator, then on one with the issue's fault mix, run again until a run reports only the
/// bad rows. The faulty total (every run's pipeline time) should stay within 1.5 times the fault-free time.
/// Two shapes of the same batch (docs/guide/Performance.md says what each models): unthrottled, every row created at
/// once so the whole batch is one render long; and bound by a running-task quota, as a real route is, so creates go on
/// for most of the run and a render is a small part of it.
/// </summary>
internal sealed class RerunBenchmark(Settings settings, TextWriter output)
{
    private const int BadRows = 9;
    private const int MaxRuns = 8;
    private const double Target = 1.5;

    /// <summary>
    /// Tasks running at once per key in the quota-bound shape, on both sides (Connect-Veo -MaxRunning, the emulator's
    /// MaxRunning): with renders of 2-4 s and polls each second a place frees about every 4.5 s, so 500 rows take
    /// about a minute of creates against a render of 2-4 s. Why a running limit and not -RequestsPerMinute: both
    /// the client's gate (Quotas/QuotaGate.cs, a SlidingWindowRateLimiter over a minute) and the emulator's
    /// (Veo.Emulator/Quotas/CreateQuota.cs, after new-api's middleware/model-rate-limit.go) let a minute's allowance go
    /// at once, so 600 a minute sends all 500 rows in one burst and paces nothing; a running limit paces at any time
    /// scale, and with Google's figures (10 running, renders of 11 s to 6 min) it is the limit that binds a real batch.
    /// </summary>
    private const int QuotaRunning = 40;

    /// <summary>One run: what it passed on, and when (seconds into the pipeline) the last task left each stage.</summary>
    private sealed record Run(int Files, int Errors, int Warnings, double Seconds, double LastCreate, double LastWait, IReadOnlyList<string> Failures)
    {
        /// <summary>What the run asked the server, by kind of request: "kind answered/refused" (a refusal is any status but 200).</summary>
        public string Requests { get; init; } = "";
    }

    /// <summary>One shape of the batch: its name, Connect-Veo's quota parameters and the emulator's.</summary>
    private sealed record Shape(string Name, string Connect, int MaxRunning);

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        var rows = settings.RerunRows;
        var good = rows - BadRows;
        output.WriteLine($"  {rows} rows ({BadRows} bad), render 2-4 s, -ThrottleLimit 8, -PollInterval 1; each run a fresh pwsh, its pipeline timed inside it; load average {LoadAverage()}.");
        using var pwsh = new PwshBatch();
        var folder = Directory.CreateTempSubdirectory("veo-bench-rerun-");
        try
        {
            var csv = Path.Combine(folder.FullName, "prompts.csv");
            File.WriteAllLines(csv, new[] { "Prompt,Duration,Resolution" }.Concat(Enumerable.Range(1, rows).Select(i =>
                i % 55 == 7 ? (i % 3) switch { 0 => $"\"Bad {i}\",abc,", 1 => "\"\",,", _ => $"\"Bad {i}\",,8k" } : $"\"Scene {i} of the night\",,")));
            var bad = File.ReadAllLines(csv).Skip(1).Count(l => l.StartsWith("\"\"", StringComparison.Ordinal) || l.Contains("abc") || l.EndsWith("8k"));
            good = rows - bad;

            var shapes = new[]
            {
                new Shape("unthrottled", "-RequestsPerMinute 0 -MaxRunning 0", 0),
                new Shape($"{QuotaRunning} running", $"-RequestsPerMinute 0 -MaxRunning {QuotaRunning}", QuotaRunning),
            };
            var result = new List<Row>();
            foreach (var shape in settings.RerunShapes is { } only ? shapes.Where(s => only.Contains(s.Name.Split(' ')[^1])) : shapes)
            {
                var clean = await BatchAsync(pwsh, csv, Path.Combine(folder.FullName, shape.Name.Replace(' ', '-') + "-clean"), shape, faults: false, good, bad);
                var faulty = await BatchAsync(pwsh, csv, Path.Combine(folder.FullName, shape.Name.Replace(' ', '-') + "-faulty"), shape, faults: true, good, bad);
                var cleanSeconds = clean.Runs.Sum(r => r.Seconds);
                var faultySeconds = faulty.Runs.Sum(r => r.Seconds);
                var ratio = faultySeconds / cleanSeconds;
                output.WriteLine($"  {shape.Name}: fault-free {Phases(clean.Runs[0])}; load average {LoadAverage()}");
                foreach (var (run, i) in faulty.Runs.Select((r, i) => (r, i + 1)))
                {
                    output.WriteLine($"  {shape.Name}: faulty run {i}: {run.Files} files passed on, {run.Errors} errors, {run.Warnings} warnings, {Phases(run)}");
                    foreach (var failure in run.Failures) output.WriteLine($"      {(failure.Length > 160 ? failure[..160] + "…" : failure)}");
                }
                result.Add(new($"{shape.Name}: {rows}-row batch, faults, {faulty.Runs.Count} run(s) until done", Repository.Seconds(faultySeconds),
                    $"fault-free {Repository.Seconds(cleanSeconds)} ({clean.Runs.Count} run)", $"{ratio:0.00}×", $"≤ {Target}×", ratio <= Target));
                result.Add(new($"{shape.Name}: videos saved / tasks on the server that did not fail", $"{faulty.Files} / {faulty.ServerTasks}",
                    $"fault-free {clean.Files} / {clean.ServerTasks}", "-", $"{good} / {good}", faulty.Files == good && faulty.ServerTasks == good && clean.Files == good));
            }
            Table.Print(output, $"A batch run again until done: {rows} rows, faults vs none, unthrottled and quota-bound side by side", result);
            return result;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Phases(Run run) =>
        string.Create(CultureInfo.InvariantCulture, $"{run.Seconds:0.0} s (last create passed on at {run.LastCreate:0.0} s, last wait at {run.LastWait:0.0} s); requests {run.Requests}");

    /// <summary>Creates, task lists (the rerun's reconciliation), polls and downloads, each as sent/not answered 200.</summary>
    private static string RequestsOf(IReadOnlyList<RecordedRequest> requests)
    {
        string Kind(RecordedRequest r) => r.Method == "POST" ? "creates" : r.Path == "/v1/videos" ? "lists" : r.Path.EndsWith("/content", StringComparison.Ordinal) ? "downloads" : "polls";
        return string.Join(", ", requests.GroupBy(Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}/{g.Count(r => r.StatusCode != 200)}"));
    }

    /// <summary>The machine's load average (1, 5, 15 minutes) where Linux tells it: the figures move with it.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private async Task<(List<Run> Runs, int Files, int ServerTasks)> BatchAsync(PwshBatch pwsh, string csv, string work, Shape shape, bool faults, int good, int bad)
    {
        Directory.CreateDirectory(work);
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            ApiKey = Settings.Key, QueueTime = TimeSpan.FromSeconds(0.5), RenderTime = TimeSpan.FromSeconds(2), RenderTimeSpread = TimeSpan.FromSeconds(2),
            ContentLag = TimeSpan.FromSeconds(0.5), Seed = 27, MaxRunning = shape.MaxRunning,
        });
        if (faults)
        {
            const int always = 1_000_000;
            emulator.Faults.Add(new Fault(FaultKind.TruncateBody, "/content", always, 0.10));
            emulator.Faults.Add(new Fault(FaultKind.ServerError, "/v1/video", always, 0.03) { StatusCode = 500 });
            emulator.Faults.Add(new Fault(FaultKind.ServerError, "/v1/video", always, 0.02) { StatusCode = 503 });
            emulator.Faults.Add(new Fault(FaultKind.RateLimit, "/v1/video", always, 0.03) { RetryAfter = TimeSpan.FromSeconds(1) });
            emulator.Faults.Add(new Fault(FaultKind.ResetAfterRead, "/v1/videos", always, 0.01));
            emulator.Faults.Add(new Fault(FaultKind.FailTask, "/v1/videos", always, 0.02));
        }
        var runs = new List<Run>();
        do
        {
            var before = emulator.Requests.Count;
            var run = await RunOnceAsync(pwsh, emulator.BaseUri, shape.Connect, csv, work);
            runs.Add(run with { Requests = RequestsOf(emulator.Requests.Skip(before).ToList()) });
        } while (!(runs[^1].Files == good && runs[^1].Errors == bad && runs[^1].Warnings == 0) && runs.Count < MaxRuns);
        var made = emulator.CreatedTasks.Count(t => !t.WillFail);
        return (runs, Directory.GetFiles(Path.Combine(work, "out"), "*.mp4").Length, made);
    }

    private static async Task<Run> RunOnceAsync(PwshBatch pwsh, Uri emulator, string connect, string csv, string work)
    {
        var script = $$"""
            $ErrorActionPreference = 'Continue'
            $env:VEO_HOME = '{{Path.Combine(work, "home").Replace("'", "''")}}'
            Set-Location '{{work.Replace("'", "''")}}'
            Import-Module '{{pwsh.Manifest}}'
            Connect-Veo -Route LaoZhang -BaseUri '{{emulator}}' -ApiKey (ConvertTo-SecureString {{Settings.Key}} -AsPlainText -Force) {{connect}} | Out-Null
            $Error.Clear()
            # Where the time goes: when the last task left New-VeoVideo, and Wait-VeoVideo (a pass-through stamp each).
            $last = @{ Create = 0.0; Wait = 0.0 }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $out = & { Import-Csv '{{csv.Replace("'", "''")}}' | New-VeoVideo -Batch bench -ThrottleLimit 8 |
                ForEach-Object { $last.Create = $watch.Elapsed.TotalSeconds; $_ } | Wait-VeoVideo -PollInterval 1 |
                ForEach-Object { $last.Wait = $watch.Elapsed.TotalSeconds; $_ } | Save-VeoVideo -Path ./out } 3>&1
            $watch.Stop()
            [pscustomobject]@{
                Files = @($out | Where-Object { $_.GetType().Name -eq 'VideoFile' }).Count
                Warnings = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count
                Errors = $Error.Count
                Seconds = $watch.Elapsed.TotalSeconds
                LastCreate = $last.Create
                LastWait = $last.Wait
                # Why rows failed (the bad rows' refusals among them), for the log.
                Failures = @($Error | ForEach-Object { "$_" } | Select-Object -First 40)
            } | ConvertTo-Json -Compress
            """;
        var result = await ChildProcess.RunAsync("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", script],
            workingDirectory: Repository.Root, timeout: TimeSpan.FromHours(1));
        if (result.ExitCode != 0) throw new InvalidOperationException($"pwsh failed (exit {result.ExitCode}): {result.Stderr}{result.Stdout}");
        using var doc = JsonDocument.Parse(result.Stdout.Trim().Split('\n')[^1]);
        var root = doc.RootElement;
        return new Run(root.GetProperty("Files").GetInt32(), root.GetProperty("Errors").GetInt32(), root.GetProperty("Warnings").GetInt32(),
            root.GetProperty("Seconds").GetDouble(), root.GetProperty("LastCreate").GetDouble(), root.GetProperty("LastWait").GetDouble(),
            root.GetProperty("Failures").EnumerateArray().Select(f => f.GetString() ?? "").ToList());
    }
}
