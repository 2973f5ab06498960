using Veo.Benchmarks;

// Benchmarks, not tests: each prints a table of Veo against its reference (curl, the documented Python client).
if (args.Length > 0 && args[0] == SaveOneCommand.Name) return await SaveOneCommand.RunAsync(args[1..]);

var settings = Settings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(Settings.Usage);
    return 2;
}

var output = Console.Out;
output.WriteLine("Machine");
foreach (var line in Machine.Describe(("curl", "curl"), ("python3", Python.Executable()))) output.WriteLine($"  {line}");
output.WriteLine($"  pwsh (dotnet tool): {Pwsh.Version()}");
output.WriteLine($"  load average (1, 5, 15 min): {PipelineBenchmark.Load()}");

var tables = new List<(string Name, IReadOnlyList<Row> Rows)>();
foreach (var name in settings.Benchmarks)
{
    output.WriteLine();
    output.WriteLine($"== {name} ==");
    IReadOnlyList<Row> rows = name switch
    {
        "download" => await new DownloadBenchmark(settings, output).RunAsync(),
        "polls" => await new PollBenchmark(settings, output).RunAsync(),
        "e2e" => await new EndToEndBenchmark(settings, output).RunAsync(),
        "pipeline" => await new PipelineBenchmark(settings, output).RunAsync(),
        "journal" => await new JournalBenchmark(settings, output).RunAsync(),
        "save" => await new SaveCmdletBenchmark(settings, output).RunAsync(),
        "quota" => await new QuotaBenchmark(settings, output).RunAsync(),
        "throttle" => await new ThrottleBenchmark(settings, output).RunAsync(),
        "rerun" => await new RerunBenchmark(settings, output).RunAsync(),
        "inline" => await new InlineSaveBenchmark(output).RunAsync(),
        _ => new ImportBenchmark(output).Run(),
    };
    tables.Add((name, rows));
}

var all = tables.SelectMany(t => t.Rows.Select(r => r with { Metric = $"{t.Name} · {r.Metric}" })).ToList();
if (tables.Count > 1 && all.Count > 0) Table.Print(output, "Summary", all);
var missed = all.Count(r => r.Met == false);
output.WriteLine();
output.WriteLine(missed == 0 ? "Every target with a verdict was met." : $"{missed} target(s) missed.");
return 0;
