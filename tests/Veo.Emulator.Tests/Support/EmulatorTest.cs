using System.Net.Http.Headers;

namespace Veo.Emulator.Tests;

/// <summary>Each test gets its own emulator on a free port, on the manual clock, and a client holding the key.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected static readonly TimeSpan QueueTime = TimeSpan.FromSeconds(1);
    protected static readonly TimeSpan RenderTime = TimeSpan.FromSeconds(6);
    protected static readonly TimeSpan ContentLag = TimeSpan.FromSeconds(2);

    protected EmulatorServer Server { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected virtual EmulatorOptions Options => new()
    {
        ManualClock = true,
        QueueTime = QueueTime,
        RenderTime = RenderTime,
        ContentLag = ContentLag,
    };

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(Options);
        Client = ClientFor(Server);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    protected static HttpClient ClientFor(EmulatorServer server, string? bearer = "emulator-key")
    {
        var client = new HttpClient { BaseAddress = server.BaseUri };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    protected HttpClient AnonymousClient() => ClientFor(Server, bearer: null);

    protected void AdvanceToContentReady() => Server.Clock.Advance(RenderTime + ContentLag);
}
