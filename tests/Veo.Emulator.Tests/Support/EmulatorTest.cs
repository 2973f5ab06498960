using System.Net.Http.Headers;

namespace Veo.Emulator.Tests;

/// <summary>Each test gets its own emulator (on a free port, or in-process), on the manual clock, and a client holding the key.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected static readonly TimeSpan QueueTime = TimeSpan.FromSeconds(1);
    protected static readonly TimeSpan RenderTime = TimeSpan.FromSeconds(6);
    protected static readonly TimeSpan ContentLag = TimeSpan.FromSeconds(2);

    protected HostedEmulator Host { get; private set; } = null!;

    protected VeoEmulator Server => Host.Emulator;

    protected HttpClient Client { get; private set; } = null!;

    protected virtual EmulatorHostKind HostKind => HostedEmulator.DefaultKind;

    protected virtual EmulatorOptions Options => new()
    {
        ManualClock = true,
        QueueTime = QueueTime,
        RenderTime = RenderTime,
        ContentLag = ContentLag,
        // The Gemini dialect's own tests speak to it as a registered gateway that still forwards Veo would; the default
        // (its Veo ids shut down) has its own test.
        GeminiVeoServed = true,
    };

    public async Task InitializeAsync()
    {
        Host = await StartAsync(Options);
        Client = ClientFor(Host);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>Another emulator on the same kind of host as this test's.</summary>
    protected Task<HostedEmulator> StartAsync(EmulatorOptions options) => HostedEmulator.StartAsync(options, HostKind);

    protected static HttpClient ClientFor(HostedEmulator host, string? bearer = "emulator-key", bool followRedirects = true)
    {
        var client = host.CreateClient(followRedirects);
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    protected HttpClient AnonymousClient() => ClientFor(Host, bearer: null);

    protected void AdvanceToContentReady() => Server.Clock.Advance(RenderTime + ContentLag);
}
