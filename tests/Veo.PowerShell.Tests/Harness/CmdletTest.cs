using Veo.Core;
using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>A test with its own emulator, VEO_HOME and session; runs real cmdlet classes as pipelines.</summary>
public abstract class CmdletTest : IAsyncLifetime
{
    protected TestHome Home { get; } = new();
    protected EmulatorServer Emulator { get; private set; } = null!;
    internal VeoSession Session { get; private set; } = null!;

    protected virtual EmulatorOptions EmulatorOptions => TestHome.QuickEmulator();

    public virtual async Task InitializeAsync()
    {
        Emulator = await EmulatorServer.StartAsync(EmulatorOptions);
        Session = Home.Session(Emulator);
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Home.Dispose();
    }

    internal Pipeline Pipe(params VeoCmdlet[] cmdlets) => new(Session, Home.Folder, cmdlets);

    protected int CreateCalls => Emulator.Requests.Count(r => r.Method == "POST");
}
