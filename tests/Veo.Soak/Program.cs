using System.Globalization;
using Veo.Soak;

// Reliability figures: `soak` (New | Wait | Save through faults of every kind) and `killresume`
// (kill -9 a batch run mid-way, resume it from the journal). Each exits 0 only when the run was clean.
const string Usage = """
    usage: dotnet run -c Release --project tests/Veo.Soak -- soak [--count 1000] [--fault-rate 0.10] [--task-fault-rate 0.10] [--seed 1] [--keep FOLDER]
           dotnet run -c Release --project tests/Veo.Soak -- killresume [--count 40] [--render-seconds 3] [--keep FOLDER]
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var named = new Dictionary<string, string>();
for (var i = 1; i + 1 < args.Length; i += 2) named[args[i]] = args[i + 1];
double Number(string name, double fallback) => named.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

foreach (var line in Machine.Describe()) Console.WriteLine(line);
switch (args[0])
{
    case "soak":
    {
        var report = await FaultSoak.RunAsync(new SoakOptions
        {
            Count = (int)Number("--count", 1000),
            RequestFaultRate = Number("--fault-rate", 0.10),
            TaskFaultRate = Number("--task-fault-rate", 0.10),
            Seed = (int)Number("--seed", 1),
            Folder = named.GetValueOrDefault("--keep"),
        }, Console.Out);
        report.Print(Console.Out);
        return report.Clean ? 0 : 1;
    }
    case "killresume":
    {
        var report = await KillResume.RunAsync(new KillResumeOptions
        {
            Count = (int)Number("--count", 40),
            RenderSeconds = Number("--render-seconds", 3),
            Folder = named.GetValueOrDefault("--keep"),
        }, Console.Out);
        report.Print(Console.Out);
        return report.Clean ? 0 : 1;
    }
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}
