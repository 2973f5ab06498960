using Veo.Core.Http;
using Veo.Core.Sessions;
using Veo.Core.Tasks;
using Veo.Emulator;

namespace Veo.Core.Tests.Support;

/// <summary>A private VEO_HOME and output folder per test, with fast retry timings, removed afterwards.</summary>
public sealed class TestHome : IDisposable
{
    public const string Key = "emulator-key";

    public TestHome()
    {
        Folder = Path.Combine(Path.GetTempPath(), "veo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Journal = new TaskJournal(Path.Combine(Folder, "journal.jsonl"));
    }

    public string Folder { get; }
    public TaskJournal Journal { get; }

    public static HttpPolicy FastPolicy { get; } = new()
    {
        MaxRetries = 3,
        FirstRetryDelay = TimeSpan.FromMilliseconds(10),
        RefusedRetryFirst = TimeSpan.FromMilliseconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        Deadline = TimeSpan.FromSeconds(30),
        ContentRetryInterval = TimeSpan.FromMilliseconds(50),
        ContentReadyDeadline = TimeSpan.FromSeconds(10),
    };

    /// <summary>Tasks that render in a fraction of a second on the real clock, with the content lag kept.</summary>
    public static EmulatorOptions QuickEmulator() => new()
    {
        ApiKey = Key,
        QueueTime = TimeSpan.FromMilliseconds(50),
        RenderTime = TimeSpan.FromMilliseconds(300),
        ContentLag = TimeSpan.FromMilliseconds(150),
        // The Gemini dialect is still spoken to registered gateways that forward predictLongRunning; its tests need the Veo ids.
        GeminiVeoServed = true,
    };

    public VeoEngine Engine() => new(Journal, FastPolicy);

    /// <summary>A session whose default route is <paramref name="route"/> served by the emulator.</summary>
    public VeoSession Session(EmulatorServer emulator, string route = Routes.BuiltInRoutes.LaoZhangName)
    {
        var session = new VeoSession(new VeoHome(Engine(), new Routes.RouteRegistry(PathOf("routes.json"))))
        {
            DefaultRoute = route,
            Wait = new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(30) },
        };
        session.Connect(route, emulator.BaseUri, new ApiKey(Key));
        return session;
    }

    public string PathOf(string name) => System.IO.Path.Combine(Folder, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
