using Microsoft.AspNetCore.Http;

namespace Veo.Emulator;

/// <summary>How each request-level fault changes the answer. Returns the status sent, 0 when the connection was dropped.</summary>
internal static class FaultEffects
{
    private const int CorruptedPrefix = 16;
    private static readonly TimeSpan TruncateGrace = TimeSpan.FromMilliseconds(100);

    /// <summary>Set on a request the StockNewApiTaskShape fault matched; the dialect answers in that shape.</summary>
    public const string StockNewApiShape = "veo-emulator:stock-new-api-shape";

    /// <summary>Set on a request the WrappedUnifiedShape fault matched.</summary>
    public const string WrappedUnified = "veo-emulator:wrapped-unified-shape";

    public static async Task<int> AnswerAsync(Fault? fault, HttpContext context, RequestDelegate next)
    {
        switch (fault?.Kind)
        {
            case null:
                await next(context);
                return context.Response.StatusCode;

            case FaultKind.RateLimit:
                // new-api's 429s carry Retry-After; Google's carry their wait only in the body's RetryInfo (GoogleErrors).
                if (fault.RetryAfter is { } retryAfter && DialectErrors.DialectOf(context.Request) != DialectErrors.Dialect.Google)
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await DialectErrors.RateLimited(context.Request, fault.RetryAfter).ExecuteAsync(context);
                return StatusCodes.Status429TooManyRequests;

            case FaultKind.StockNewApiTaskShape:
                context.Items[StockNewApiShape] = true;
                await next(context);
                return context.Response.StatusCode;

            case FaultKind.WrappedUnifiedShape:
                context.Items[WrappedUnified] = true;
                await next(context);
                return context.Response.StatusCode;

            case FaultKind.VideoUndeliverable:
                await Results.Json(new { error = new { message = fault.ErrorMessage ?? "Failed to fetch video content", type = "server_error" } },
                    statusCode: StatusCodes.Status502BadGateway).ExecuteAsync(context);
                return StatusCodes.Status502BadGateway;

            case FaultKind.ServerError:
                await DialectErrors.ServerError(context.Request, fault.StatusCode).ExecuteAsync(context);
                return fault.StatusCode;

            case FaultKind.Latency:
            {
                var body = await CapturedResponse.RunAsync(context, next);
                try
                {
                    await Task.Delay(fault.Delay!.Value, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return 0;
                }
                await CapturedResponse.SendAsync(context, body);
                return context.Response.StatusCode;
            }

            case FaultKind.ResetAfterRead:
                await CapturedResponse.RunAsync(context, next);
                context.Abort();
                return 0;

            case FaultKind.TruncateBody:
            {
                var body = await CapturedResponse.RunAsync(context, next);
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                await context.Response.Body.FlushAsync();
                // Abort discards output still queued in Kestrel, so give the half body time to reach the socket first.
                await Task.Delay(TruncateGrace);
                context.Abort();
                return context.Response.StatusCode;
            }

            case FaultKind.CorruptBody:
            {
                var body = await CapturedResponse.RunAsync(context, next);
                // The first bytes hold the MP4 box headers, so a client that checks what it saved can tell.
                for (var i = 0; i < Math.Min(CorruptedPrefix, body.Length); i++) body[i] ^= 0xFF;
                await CapturedResponse.SendAsync(context, body);
                return context.Response.StatusCode;
            }

            case FaultKind.MalformedJson:
            {
                var body = await CapturedResponse.RunAsync(context, next);
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                await CapturedResponse.SendAsync(context, body.Length > 1 ? body.AsMemory(0, body.Length / 2) : "{\""u8.ToArray());
                return StatusCodes.Status200OK;
            }

            default:
                throw new InvalidOperationException($"{fault.Kind} does not change how a request is answered.");
        }
    }
}
