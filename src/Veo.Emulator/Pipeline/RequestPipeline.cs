namespace Veo.Emulator;

/// <summary>
/// Runs around every API request: logs it, reads the body once, routes it, and lets the fault plan decide how it is
/// answered. The admin endpoints bypass logging and faults, so driving the emulator never shows up in what tests inspect.
/// </summary>
internal sealed class RequestPipeline
{
    private readonly EmulatorState state;
    private readonly RouteTable routes = new();

    public RequestPipeline(EmulatorState state)
    {
        this.state = state;
        AdminEndpoints.Map(routes, state);
        PricingEndpoint.Map(routes, state);
        OpenAIVideosDialect.Map(routes, state);
        UnifiedVideoDialect.Map(routes, state);
        GeminiDialect.Map(routes, state);
        InteractionsDialect.Map(routes, state);
        VertexDialect.Map(routes, state);
        ModelLists.Map(routes, state);
    }

    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        if (AdminEndpoints.Owns(request))
        {
            if (await RequestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false) is not { } adminBody) return TooLarge();
            request.ReadBody = adminBody;
            return Run(request);
        }

        var entry = state.Log.Begin(request);
        var fault = state.Faults.TakeForRequest(request.PathAndQuery);
        if (fault?.Kind == FaultKind.ResetBeforeRead) return EmulatorResponse.Dropped;

        if (await RequestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            entry.SetStatus(413);
            return TooLarge();
        }
        entry.SetBody(body);
        request.ReadBody = body;
        try
        {
            var response = await FaultEffects.AnswerAsync(fault, request, Run, cancellationToken).ConfigureAwait(false);
            entry.SetStatus(response.IsDropped ? 0 : response.StatusCode);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away (a Latency fault outlasted its patience): nothing was answered.
            entry.SetStatus(0);
            throw;
        }
    }

    /// <summary>The matched endpoint's answer; an endpoint that throws answers a bare 500, as a web server would.</summary>
    private EmulatorResponse Run(EmulatorRequest request)
    {
        if (routes.Find(request) is not { } endpoint) return DialectErrors.UnknownRoute(request);
        try
        {
            return endpoint(request);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return EmulatorResponse.Empty(500);
        }
    }

    // Kestrel's answer to a body past its MaxRequestBodySize.
    private static EmulatorResponse TooLarge() => EmulatorResponse.Empty(413);
}
