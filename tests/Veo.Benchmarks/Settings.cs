using System.Globalization;

namespace Veo.Benchmarks;

/// <summary>What to run and at what scale; every default is what README's Performance figures were made with.</summary>
internal sealed record Settings
{
    public const string Key = "emulator-key";

    public IReadOnlyList<string> Benchmarks { get; init; } = ["download", "polls", "e2e", "import", "throttle", "quota", "pipeline", "journal", "save", "rerun", "inline"];
    public IReadOnlyList<long> DownloadSizes { get; init; } = [100L << 20, 1L << 30];
    public int DownloadRounds { get; init; } = 9;
    /// <summary>Saves the Veo child makes before the timed one (0: the timed save is the process's first).</summary>
    public int WarmUps { get; init; } = 1;
    public int PollTasks { get; init; } = 200;
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);
    public int EndToEndTasks { get; init; } = 200;
    public TimeSpan EndToEndInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Prompts in the quota and throttle benchmarks.</summary>
    public int QuotaTasks { get; init; } = 200;
    public IReadOnlyList<int> PipelineCounts { get; init; } = [20, 200];
    public double PipelineRender { get; init; } = 2;
    public double PipelineLag { get; init; } = 1;
    public int PipelineInterval { get; init; } = 1;
    public int JournalOldTasks { get; init; } = 50_000;
    public int RerunRows { get; init; } = 500;
    /// <summary>Which shapes of the rerun benchmark run ("unthrottled", "running"); null: both.</summary>
    public IReadOnlyList<string>? RerunShapes { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/Veo.Benchmarks -- [download|polls|e2e|import|throttle|quota|pipeline|journal|save|rerun|inline|all] [options]
          import, pipeline, journal and save drive the cmdlets in dotnet pwsh (7.6.9, the local tool) against the
          standalone emulator: run 'dotnet tool restore' and 'dotnet pwsh ./build.ps1 Build' first.
          --rounds N            download rounds at 1 GiB and over, Veo and curl alternating, after one not
                                counted; three times as many below 1 GiB (default 9)
          --warm-ups N          saves the Veo child makes before its timed one (default 1)
          --sizes 100M,1G       download sizes (K, M, G suffixes)
          --poll-tasks N        tasks in the polls benchmark (default 200)
          --poll-interval S     poll interval of the polls benchmark, seconds (default 5)
          --e2e-tasks N         tasks in the end-to-end benchmark (default 200)
          --e2e-interval S      poll interval of both clients end to end, seconds (default 1)
          --quota-tasks N       prompts in the throttle and quota benchmarks (default 200; quota takes minutes by nature)
          --pipeline-tasks 20,200  batch sizes of the pwsh pipeline (default 20,200)
          --render S --lag S --interval S  the pipeline's render time, content lag, -PollInterval (default 2, 1, 1)
          --old-tasks N         older tasks in the journal benchmark (default 50000)
          save uses --sizes and --rounds as download does.
          --rerun-rows N        rows of the rerun benchmark's CSV, 9 of them bad (default 500)
          --rerun-shapes S,S    the rerun benchmark's shapes: unthrottled, running (a running-task quota); default both
        """;

    public static Settings? Parse(string[] args)
    {
        var settings = new Settings();
        var chosen = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "download" or "polls" or "e2e" or "import" or "throttle" or "quota" or "pipeline" or "journal" or "save" or "rerun" or "inline": chosen.Add(args[i]); break;
                case "all": chosen.AddRange(settings.Benchmarks); break;
                case "--rounds": settings = settings with { DownloadRounds = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--warm-ups": settings = settings with { WarmUps = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--sizes": settings = settings with { DownloadSizes = Next().Split(',').Select(ParseSize).ToList() }; break;
                case "--poll-tasks": settings = settings with { PollTasks = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--poll-interval": settings = settings with { PollInterval = Seconds(Next()) }; break;
                case "--e2e-tasks": settings = settings with { EndToEndTasks = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--e2e-interval": settings = settings with { EndToEndInterval = Seconds(Next()) }; break;
                case "--quota-tasks": settings = settings with { QuotaTasks = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--pipeline-tasks": settings = settings with { PipelineCounts = Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList() }; break;
                case "--render": settings = settings with { PipelineRender = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--lag": settings = settings with { PipelineLag = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--interval": settings = settings with { PipelineInterval = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--rerun-rows": settings = settings with { RerunRows = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--rerun-shapes": settings = settings with { RerunShapes = Next().Split(',') }; break;
                case "--old-tasks": settings = settings with { JournalOldTasks = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                default: return null;
            }
        }
        return chosen.Count == 0 ? settings : settings with { Benchmarks = chosen.Distinct().ToList() };
    }

    private static TimeSpan Seconds(string text) => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture));

    private static long ParseSize(string text)
    {
        var unit = char.ToUpperInvariant(text[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1L };
        return (long)(double.Parse(unit == 1 ? text : text[..^1], CultureInfo.InvariantCulture) * unit);
    }
}
