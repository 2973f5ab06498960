using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Veo.Core;
using Veo.Core.Http;
using Veo.Core.Pricing;
using Veo.Core.Sessions;
using Veo.Core.Tasks;
using Veo.Emulator;

namespace Veo.PowerShell.Emulation;

/// <summary>
/// An emulator serving one session (Start-VeoEmulator): every route is connected to it with a key made for it, and
/// tasks go to a journal of its own. In-process, the session's HTTP goes through a client that answers the emulator's
/// origin without a socket; listening (-Listen), the emulator is served on a 127.0.0.1 port that other runspaces and
/// processes reach too, and the session's requests cross the real socket. Stopping closes the port and puts back the
/// routes, default route, wait options and home the session had.
/// </summary>
internal sealed class SessionEmulator
{
    private static readonly ConditionalWeakTable<VeoSession, SessionEmulator> Running = new();

    private readonly VeoSession _session;
    private readonly SavedSession _saved;
    private readonly HttpClient? _transport;
    private readonly EmulatorListener? _listener;
    private readonly string _folder;
    private Runspace? _runspace;

    private SessionEmulator(VeoSession session, VeoEmulator emulator, Uri baseUri, string folder, HttpClient? transport, EmulatorListener? listener,
        SavedSession saved)
    {
        _session = session;
        DefaultRoute = session.DefaultRoute;
        Emulator = emulator;
        BaseUri = baseUri;
        _folder = folder;
        _transport = transport;
        _listener = listener;
        _saved = saved;
    }

    public VeoEmulator Emulator { get; }

    /// <summary>
    /// The loopback origin the session's routes point at: the listener's port, or (in-process) a port nothing listens
    /// on, which the session's client answers itself.
    /// </summary>
    public Uri BaseUri { get; }

    public bool IsListening => _listener is not null;

    public string DefaultRoute { get; }

    public string JournalPath => Path.Combine(_folder, "journal.jsonl");

    public IReadOnlyList<string> Routes => _saved.Connections.Keys.ToList();

    public static SessionEmulator? Of(VeoSession session) => Running.TryGetValue(session, out var emulator) ? emulator : null;

    /// <summary>
    /// Starts an emulator for the session (stopping one it already had) and makes <paramref name="defaultRoute"/> the
    /// default. With <paramref name="listenPort"/> it is served on that 127.0.0.1 port (0: a free one), else in-process.
    /// </summary>
    public static SessionEmulator Start(VeoSession session, EmulatorOptions options, string? defaultRoute, int? listenPort = null)
    {
        Of(session)?.Stop();
        var route = session.ResolveRoute(defaultRoute, null);

        // A key made for this emulator: the user gives none, and the key-to-origin rule still has one to keep.
        options.ApiKey = "emulator-" + Guid.NewGuid().ToString("N");
        var emulator = new VeoEmulator(options);
        // Bound first, so a port already taken fails the start before the session is changed.
        var listener = listenPort is { } requested ? Listen(emulator, requested) : null;
        Uri baseUri;
        HttpClient? transport = null;
        if (listener is not null)
        {
            baseUri = listener.BaseUri;
        }
        else
        {
            // A loopback origin (http is allowed there) on a port from the dynamic range: were a request ever to miss the
            // session's client, it would meet a closed local port, never a paid service. The CDN paths use the other name.
            var port = new Random().Next(49152, 65536);
            baseUri = new Uri($"http://127.0.0.1:{port}/");
            transport = SharedHttpClient.WithLocalOrigins([baseUri, new Uri($"http://localhost:{port}/")], emulator.CreateHandler());
        }

        var folder = Path.Combine(Path.GetTempPath(), "veo-emulator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var saved = SavedSession.Of(session);
        var home = saved.Home ?? session.Home;
        // Listening, the session's own client (the process's sockets) talks to the port like any other client would.
        var policy = transport is null ? home.Engine.Policy : home.Engine.Policy with { Transport = transport };
        session.HomeOverride = home.WithEngine(new VeoEngine(new TaskJournal(Path.Combine(folder, "journal.jsonl")), policy));
        var key = new ApiKey(options.ApiKey);
        foreach (var name in saved.Connections.Keys) session.Connect(name, baseUri, key);
        session.DefaultRoute = route.Name;
        // Emulated videos are held to the session's cap on a ledger of their own, so nothing emulated counts as spent.
        session.SpendingOverride = session.Spending.Fresh();
        // The emulator answers in moments; polling every half second keeps a test of many videos to seconds.
        session.Wait = session.Wait with { PollInterval = TimeSpan.FromMilliseconds(500) };

        var started = new SessionEmulator(session, emulator, baseUri, folder, transport, listener, saved);
        Running.Remove(session);
        Running.Add(session, started);
        if (listener is not null) started.CloseWithRunspace();
        return started;
    }

    private static EmulatorListener Listen(VeoEmulator emulator, int port)
    {
        try
        {
            return EmulatorListener.Start(emulator, port);
        }
        catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode is System.Net.Sockets.SocketError.AddressAlreadyInUse or System.Net.Sockets.SocketError.AccessDenied)
        {
            // The -Port given is the cause, so it is told as an argument error (InvalidArgument), not an unexpected one.
            throw new ArgumentException($"Port {port} of 127.0.0.1 cannot be listened on ({e.Message}); choose another -Port, or 0 for a free one.", e);
        }
    }

    /// <summary>
    /// A port outlives nothing that started it: a runspace closed without Stop-VeoEmulator (a ForEach-Object -Parallel
    /// block, a disposed [powershell]) closes its listener. The session itself goes with the runspace.
    /// </summary>
    private void CloseWithRunspace()
    {
        _runspace = Runspace.DefaultRunspace;
        if (_runspace is not null) _runspace.StateChanged += OnRunspaceStateChanged;
    }

    private void OnRunspaceStateChanged(object? sender, RunspaceStateEventArgs e)
    {
        if (e.RunspaceStateInfo.State is RunspaceState.Closing or RunspaceState.Closed or RunspaceState.Broken) _listener?.Dispose();
    }

    public void Stop()
    {
        _saved.RestoreTo(_session);
        Running.Remove(_session);
        _transport?.Dispose();
        _listener?.Dispose();
        if (_runspace is not null) _runspace.StateChanged -= OnRunspaceStateChanged;
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
    private sealed record SavedSession(VeoHome? Home, SpendingGuard? Spending, string DefaultRoute, WaitOptions Wait, IReadOnlyDictionary<string, RouteConnection?> Connections)
    {
        public static SavedSession Of(VeoSession session) => new(session.HomeOverride, session.SpendingOverride, session.DefaultRoute, session.Wait,
            session.Routes.All.ToDictionary(r => r.Name, r => session.ConnectionOf(r.Name), StringComparer.OrdinalIgnoreCase));

        public void RestoreTo(VeoSession session)
        {
            session.HomeOverride = Home;
            session.SpendingOverride = Spending;
            session.DefaultRoute = DefaultRoute;
            session.Wait = Wait;
            foreach (var connection in Connections) session.Restore(connection.Key, connection.Value);
        }
    }
}
