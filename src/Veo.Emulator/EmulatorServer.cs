using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Veo.Emulator;

/// <summary>A running emulator: a Kestrel server on 127.0.0.1 that speaks every Veo dialect the module speaks.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    // Room for three 20 MB reference images plus the form, so size limits are answered by our rules, not by Kestrel.
    private const long MaxRequestBytes = 100 * 1024 * 1024;

    private readonly WebApplication app;
    private readonly EmulatorState state;

    private EmulatorServer(WebApplication app, EmulatorState state, Uri baseUri)
    {
        this.app = app;
        this.state = state;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public EmulatorClock Clock => state.Clock;

    public IReadOnlyList<RecordedRequest> Requests => state.Log.Snapshot();

    public FaultPlan Faults => state.Faults;

    public PricingCatalog Pricing => state.Pricing;

    public int CreatedTaskCount => state.Tasks.CreatedCount;

    /// <summary>Every task made so far (a create whose answer was lost made one too).</summary>
    public IReadOnlyList<CreatedTask> CreatedTasks => state.Tasks.Snapshot();

    /// <summary>When the task with this id completes (or fails) on the emulator's clock; null for an unknown id.</summary>
    public DateTimeOffset? CompletionTimeOf(string taskId) => state.Tasks.FindAny(taskId)?.FinishedAt;

    public void ClearRequests() => state.Log.Clear();

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new EmulatorState(options ?? new EmulatorOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, state.Options.Port);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBytes;
        });

        var app = builder.Build();
        app.UseMiddleware<EmulatorMiddleware>(state);
        AdminEndpoints.Map(app, state);
        PricingEndpoint.Map(app, state);
        OpenAiVideosDialect.Map(app, state);
        UnifiedVideoDialect.Map(app, state);
        GeminiDialect.Map(app, state);
        VertexDialect.Map(app, state);
        app.MapFallback((HttpContext context) => DialectErrors.UnknownRoute(context.Request));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new EmulatorServer(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
