using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Veo.Emulator;

/// <summary>
/// A <see cref="VeoEmulator"/> served by Kestrel on 127.0.0.1: each request is handed to the core as it came and
/// its answer sent as the core shaped it (a dropped connection aborts, a truncated body stops after its bytes).
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    // Abort discards output still queued in Kestrel, so a truncated body is given time to reach the socket first.
    private static readonly TimeSpan TruncateGrace = TimeSpan.FromMilliseconds(100);

    private readonly WebApplication app;

    private EmulatorServer(WebApplication app, VeoEmulator emulator, Uri baseUri)
    {
        this.app = app;
        Emulator = emulator;
        BaseUri = baseUri;
    }

    public VeoEmulator Emulator { get; }

    public Uri BaseUri { get; }

    // The emulator's own members, so code written against the server reads as before the core was split out.
    public EmulatorClock Clock => Emulator.Clock;

    public IReadOnlyList<RecordedRequest> Requests => Emulator.Requests;

    public FaultPlan Faults => Emulator.Faults;

    public PricingCatalog Pricing => Emulator.Pricing;

    public int CreatedTaskCount => Emulator.CreatedTaskCount;

    public IReadOnlyList<CreatedTask> CreatedTasks => Emulator.CreatedTasks;

    public DateTimeOffset? CompletionTimeOf(string taskId) => Emulator.CompletionTimeOf(taskId);

    public void ClearRequests() => Emulator.ClearRequests();

    public static Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(new VeoEmulator(options), cancellationToken);

    public static async Task<EmulatorServer> StartAsync(VeoEmulator emulator, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, emulator.Options.Port);
            // The core refuses bodies past its own limit; Kestrel must not refuse them first.
            kestrel.Limits.MaxRequestBodySize = null;
        });

        var app = builder.Build();
        app.Run(context => ServeAsync(emulator, context));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new EmulatorServer(app, emulator, new Uri(address.TrimEnd('/') + "/"));
    }

    private static async Task ServeAsync(VeoEmulator emulator, HttpContext context)
    {
        var request = context.Request;
        var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()));
        var emulated = new EmulatorRequest(request.Method, request.Scheme, request.Host.Value ?? "", request.Path.Value ?? "/",
            request.QueryString.Value ?? "", headers, request.Body);

        EmulatorResponse answer;
        try
        {
            answer = await emulator.HandleAsync(emulated, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        if (answer.IsDropped)
        {
            context.Abort();
            return;
        }

        using var body = answer.Body;
        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        if (answer.ContentType is not null) response.ContentType = answer.ContentType;
        foreach (var header in answer.Headers) response.Headers[header.Key] = header.Value;
        if (answer.StatusCode is not (204 or 304)) response.ContentLength = answer.ContentLength;

        if (answer.TruncateAfter is { } after)
        {
            var half = new byte[after];
            var read = 0;
            while (read < half.Length && await body.ReadAsync(half.AsMemory(read)) is var n and > 0) read += n;
            await response.Body.WriteAsync(half.AsMemory(0, read));
            await response.Body.FlushAsync();
            await Task.Delay(TruncateGrace);
            context.Abort();
            return;
        }
        await body.CopyToAsync(response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
