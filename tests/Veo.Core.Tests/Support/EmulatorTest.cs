using Veo.Emulator;

namespace Veo.Core.Tests.Support;

/// <summary>A test with its own emulator (quick render times) and its own VEO_HOME.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected TestHome Home { get; } = new();
    protected EmulatorServer Emulator { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Emulator = await EmulatorServer.StartAsync(TestHome.QuickEmulator());

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Home.Dispose();
    }
}
