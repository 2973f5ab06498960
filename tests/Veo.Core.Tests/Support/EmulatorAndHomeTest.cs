using Veo.Emulator;

namespace Veo.Core.Tests.Support;

/// <summary>
/// An engine test with its own emulator server (quick render times on the real clock) and its own VEO_HOME, for code
/// that journals and saves. Not Veo.Emulator.Tests' EmulatorTest, which drives the emulator's HTTP API on a manual clock.
/// </summary>
public abstract class EmulatorAndHomeTest : IAsyncLifetime
{
    protected TestHome Home { get; } = new();
    protected EmulatorServer Emulator { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var options = TestHome.QuickEmulator();
        Configure(options);
        Emulator = await EmulatorServer.StartAsync(options);
    }

    /// <summary>The emulator this class's tests need, changed from the quick one (a quota, a content lag, large videos).</summary>
    protected virtual void Configure(EmulatorOptions options)
    {
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Home.Dispose();
    }
}
