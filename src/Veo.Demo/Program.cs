using Veo.Core;
using Veo.Core.Http;
using Veo.Core.Sessions;
using Veo.Core.Tasks;
using Veo.Demo;
using Veo.Emulator;

// The main job without PowerShell: prompts (arguments or a CSV with a Prompt column) in, MP4s out.
// With no key for the route it runs against the built-in emulator, so it works offline.
var options = DemoOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(DemoOptions.Usage);
    return 2;
}
if (options.Resume && options.NeedsEmulator)
{
    Console.Error.WriteLine("--resume needs the server the tasks were made on (--base-uri, or a key for a real route): the built-in emulator's tasks end with its process.");
    return 2;
}

await using var emulator = options.NeedsEmulator ? await EmulatorServer.StartAsync(new EmulatorOptions
{
    ApiKey = "emulator-key",
    QueueTime = TimeSpan.FromSeconds(1),
    RenderTime = TimeSpan.FromSeconds(4),
    ContentLag = TimeSpan.FromSeconds(1),
}) : null;

// Emulator tasks cost nothing and live nowhere else, so they stay out of the user's real journal.
var journal = emulator is null ? TaskJournal.Default() : new TaskJournal(Path.Combine(Path.GetTempPath(), "veo-demo", "journal.jsonl"));
var engine = new VeoEngine(journal, HttpPolicy.Default with { ContentRetryInterval = TimeSpan.FromSeconds(1) });
var session = new VeoSession(new VeoHome(engine, Veo.Core.Routes.RouteRegistry.Default()))
{
    DefaultRoute = options.Route,
    Wait = new WaitOptions { PollInterval = TimeSpan.FromSeconds(options.PollSeconds ?? (emulator is null ? 15 : 1)) },
};
session.Connect(options.Route, emulator?.BaseUri ?? options.BaseUri,
    emulator is not null ? new ApiKey("emulator-key") : options.Key is { } key ? new ApiKey(key) : null);
if (emulator is not null)
    Console.WriteLine($"No API key for {options.Route} ({BuiltInRoute(options.Route).KeyVariable} or VEO_API_KEY): using the built-in emulator at {emulator.BaseUri}");

var run = new BatchRun(session, options, Console.Out);
var cancellation = CancellationTokenSource();
return options.Resume ? await run.ResumeAsync(cancellation.Token) : await run.RunAsync(cancellation.Token);

static Veo.Core.Routes.VideoRoute BuiltInRoute(string name) => Veo.Core.Routes.BuiltInRoutes.Find(name)!;

static CancellationTokenSource CancellationTokenSource()
{
    var cts = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cts.Cancel();
    };
    return cts;
}
