using Microsoft.AspNetCore.Http;

namespace Veo.Emulator;

/// <summary>
/// Runs around every API request: logs it, reads the body once, and lets the fault plan decide how it is answered.
/// The admin endpoints bypass both, so driving the emulator never shows up in what tests inspect.
/// </summary>
internal sealed class EmulatorMiddleware(RequestDelegate next, EmulatorState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(AdminEndpoints.Prefix))
        {
            await next(context);
            return;
        }

        var entry = state.Log.Begin(context.Request);
        var fault = state.Faults.TakeForRequest(Wire.PathAndQuery(context.Request));
        if (fault?.Kind == FaultKind.ResetBeforeRead)
        {
            context.Abort();
            return;
        }

        entry.SetBody(await RequestBody.ReadAsync(context));
        try
        {
            entry.SetStatus(await FaultEffects.AnswerAsync(fault, context, next));
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // Kestrel turns an unhandled exception into a bare 500; log what the client will see.
            entry.SetStatus(StatusCodes.Status500InternalServerError);
            throw;
        }
    }
}
