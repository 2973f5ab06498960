using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>
/// A test with its own emulator, its own VEO_HOME (journal, routes.json, prices.json) and its own PowerShell
/// session connected to the emulator the way a user would.
/// </summary>
public abstract class PowerShellTest : IAsyncLifetime
{
    protected TestHome Home { get; } = new();
    protected EmulatorServer Emulator { get; private set; } = null!;
    protected VeoShell Shell { get; private set; } = null!;

    private IsolatedEnvironment? _environment;

    protected virtual EmulatorOptions EmulatorOptions => TestHome.QuickEmulator();

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorServer.StartAsync(EmulatorOptions);
        _environment = new IsolatedEnvironment(Home.Folder);
        Shell = new VeoShell(Home.Folder);
        // The emulator renders in a fraction of a second: polling every second (the least Wait-VeoVideo takes) keeps tests quick.
        var connected = Shell.Run($"""
            $PSDefaultParameterValues['Wait-VeoVideo:PollInterval'] = 1
            Connect-Veo -Route LaoZhang -BaseUri '{Emulator.BaseUri}' -ApiKey (ConvertTo-SecureString {TestHome.Key} -AsPlainText -Force) | Out-Null
            """);
        if (connected.Errors.Count > 0 || connected.Terminating is not null)
            throw new InvalidOperationException("The test session could not connect: " + (connected.Terminating?.Message ?? connected.Errors[0].ToString()));
    }

    public async Task DisposeAsync()
    {
        Shell.Dispose();
        await Emulator.DisposeAsync();
        _environment?.Dispose();
        Home.Dispose();
    }

    /// <summary>Runs PowerShell text in this test's session; $name variables are set first.</summary>
    protected ScriptResult Run(string script, params (string Name, object? Value)[] variables) => Shell.Run(script, variables);

    protected int CreateCalls => Emulator.Requests.Count(r => r.Method == "POST");
}
