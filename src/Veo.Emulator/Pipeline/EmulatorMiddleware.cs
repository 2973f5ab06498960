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
        // Logged as the answer starts, not only after its last byte: a client may have read a whole video (and a test
        // looked at the log) before the handler returns.
        var answered = false;
        context.Response.OnStarting(() =>
        {
            if (!answered) entry.SetStatus(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            var status = await FaultEffects.AnswerAsync(fault, context, next);
            answered = true;
            entry.SetStatus(status);
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // Kestrel turns an unhandled exception into a bare 500; log what the client will see.
            entry.SetStatus(StatusCodes.Status500InternalServerError);
            throw;
        }
    }
}
