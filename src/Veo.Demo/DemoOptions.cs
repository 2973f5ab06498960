using Veo.Core.Http;
using Veo.Core.Routes;

namespace Veo.Demo;

internal sealed record DemoOptions(IReadOnlyList<string> Prompts, string Route, string OutFolder, string Model, string Resolution,
    bool NeedsEmulator, bool Resume, Uri? BaseUri, string? Key, double? PollSeconds)
{
    public const string Usage = """
        usage: dotnet run --project src/Veo.Demo -- [options] [prompt ...]
          --csv FILE          prompts from a CSV file with a Prompt column
          --out FOLDER        where the MP4s go (default: ./videos)
          --route NAME        LaoZhang (default), Crazyrouter or Google
          --model NAME        Fast (default) or Standard
          --resolution RES    720p (default), 1080p or 4k
          --emulator          use the built-in emulator even when a key is set
          --base-uri URL      the route served from elsewhere: a gateway, or an emulator already running
          --key KEY           the key for that route (for an emulator; a real key belongs in its variable, not in ps)
          --poll SECONDS      between polls of a task (default 15; 1 on the built-in emulator)
          --resume            create nothing: wait for and save the journal's pending tasks (after a crash)
        With no key for the route (LAOZHANG_API_KEY, ..., or VEO_API_KEY) and no --base-uri it runs against the built-in emulator.
        The journal is $VEO_HOME/journal.jsonl, except with the built-in emulator, whose tasks die with the process.
        """;

    public static DemoOptions? Parse(string[] args)
    {
        var prompts = new List<string>();
        string route = BuiltInRoutes.LaoZhangName, output = "videos", model = "Fast", resolution = "720p";
        string? key = null;
        Uri? baseUri = null;
        double? poll = null;
        bool forceEmulator = false, resume = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--csv": prompts.AddRange(CsvPrompts.Read(Next())); break;
                case "--out": output = Next(); break;
                case "--route": route = Next(); break;
                case "--model": model = Next(); break;
                case "--resolution": resolution = Next(); break;
                case "--emulator": forceEmulator = true; break;
                case "--base-uri": baseUri = new Uri(Next().TrimEnd('/') + "/"); break;
                case "--key": key = Next(); break;
                case "--poll": poll = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--resume": resume = true; break;
                case "-h" or "--help": return null;
                default: prompts.Add(args[i]); break;
            }
        }
        if (prompts.Count == 0) prompts.Add("A cinematic lighthouse at sunset, ocean waves hitting the rocks, slow camera push-in");
        var known = BuiltInRoutes.Find(route);
        if (known is null) return null;
        var hasKey = key is not null || ApiKeys.Find(known, null, null).Key is not null;
        var needsEmulator = baseUri is null && (forceEmulator || !hasKey);
        return new DemoOptions(prompts, known.Name, output, model, resolution, needsEmulator, resume, baseUri, key, poll);
    }
}
