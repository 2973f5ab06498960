using System.Runtime.CompilerServices;
using Veo.Core;
using Veo.Core.Http;
using Veo.Core.Sessions;
using Veo.Core.Tasks;
using Veo.Emulator;

namespace Veo.PowerShell.Emulation;

/// <summary>
/// An emulator serving one session in-process (Start-VeoEmulator): every route is connected to it with a key made for
/// it, the session's HTTP goes through a client that answers the emulator's origin without a socket, and tasks go to
/// a journal of its own. Stopping puts back the routes, default route, wait options and home the session had.
/// </summary>
internal sealed class SessionEmulator
{
    private static readonly ConditionalWeakTable<VeoSession, SessionEmulator> Running = new();

    private readonly VeoSession _session;
    private readonly SavedSession _saved;
    private readonly HttpClient _transport;
    private readonly string _folder;

    private SessionEmulator(VeoSession session, VeoEmulator emulator, Uri baseUri, string folder, HttpClient transport, SavedSession saved)
    {
        _session = session;
        DefaultRoute = session.DefaultRoute;
        Emulator = emulator;
        BaseUri = baseUri;
        _folder = folder;
        _transport = transport;
        _saved = saved;
    }

    public VeoEmulator Emulator { get; }

    /// <summary>The loopback origin the session's routes point at; nothing listens there, the session's client answers it.</summary>
    public Uri BaseUri { get; }

    public string DefaultRoute { get; }

    public string JournalPath => Path.Combine(_folder, "journal.jsonl");

    public IReadOnlyList<string> Routes => _saved.Connections.Keys.ToList();

    public static SessionEmulator? Of(VeoSession session) => Running.TryGetValue(session, out var emulator) ? emulator : null;

    /// <summary>Starts an emulator for the session (stopping one it already had) and makes <paramref name="defaultRoute"/> the default.</summary>
    public static SessionEmulator Start(VeoSession session, EmulatorOptions options, string? defaultRoute)
    {
        Of(session)?.Stop();
        var route = session.ResolveRoute(defaultRoute, null);

        // A key made for this emulator: the user gives none, and the key-to-origin rule still has one to keep.
        options.ApiKey = "emulator-" + Guid.NewGuid().ToString("N");
        var emulator = new VeoEmulator(options);
        // A loopback origin (http is allowed there) on a port from the dynamic range: were a request ever to miss the
        // session's client, it would meet a closed local port, never a paid service. The CDN paths use the other name.
        var port = new Random().Next(49152, 65536);
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        var transport = SharedHttpClient.WithLocalOrigins([baseUri, new Uri($"http://localhost:{port}/")], emulator.CreateHandler());

        var folder = Path.Combine(Path.GetTempPath(), "veo-emulator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var saved = SavedSession.Of(session);
        var home = saved.Home ?? session.Home;
        session.HomeOverride = home.WithEngine(new VeoEngine(new TaskJournal(Path.Combine(folder, "journal.jsonl")),
            home.Engine.Policy with { Transport = transport }));
        var key = new ApiKey(options.ApiKey);
        foreach (var name in saved.Connections.Keys) session.Connect(name, baseUri, key);
        session.DefaultRoute = route.Name;
        // The emulator answers in moments; polling every half second keeps a test of many videos to seconds.
        session.Wait = session.Wait with { PollInterval = TimeSpan.FromMilliseconds(500) };

        var started = new SessionEmulator(session, emulator, baseUri, folder, transport, saved);
        Running.Remove(session);
        Running.Add(session, started);
        return started;
    }

    public void Stop()
    {
        _saved.RestoreTo(_session);
        Running.Remove(_session);
        _transport.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the folder is in the temp folder, which the system cleans.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>What Start-VeoEmulator changes in a session, as it was before.</summary>
    private sealed record SavedSession(VeoHome? Home, string DefaultRoute, WaitOptions Wait, IReadOnlyDictionary<string, RouteConnection?> Connections)
    {
        public static SavedSession Of(VeoSession session) => new(session.HomeOverride, session.DefaultRoute, session.Wait,
            session.Routes.All.ToDictionary(r => r.Name, r => session.ConnectionOf(r.Name), StringComparer.OrdinalIgnoreCase));

        public void RestoreTo(VeoSession session)
        {
            session.HomeOverride = Home;
            session.DefaultRoute = DefaultRoute;
            session.Wait = Wait;
            foreach (var connection in Connections) session.Restore(connection.Key, connection.Value);
        }
    }
}
