using System.Text;
using System.Text.Json.Nodes;

namespace Veo.Emulator;

/// <summary>How each request-level fault changes the answer (a dropped connection is <see cref="EmulatorResponse.Dropped"/>).</summary>
internal static class FaultEffects
{
    private const int CorruptedPrefix = 16;

    /// <summary>Set on a request the StockNewApiTaskShape fault matched; the dialect answers in that shape.</summary>
    public const string StockNewApiShape = "veo-emulator:stock-new-api-shape";

    /// <summary>Set on a request the WrappedUnifiedShape fault matched.</summary>
    public const string WrappedUnified = "veo-emulator:wrapped-unified-shape";

    public static async Task<EmulatorResponse> AnswerAsync(Fault? fault, EmulatorRequest request,
        Func<EmulatorRequest, EmulatorResponse> endpoint, CancellationToken cancellationToken)
    {
        switch (fault?.Kind)
        {
            case null:
                return endpoint(request);

            case FaultKind.RateLimit:
            {
                var response = DialectErrors.RateLimited(request, fault.RetryAfter);
                // new-api's 429s carry Retry-After; Google's carry their wait only in the body's RetryInfo (GoogleErrors).
                if (fault.RetryAfter is { } retryAfter && DialectErrors.DialectOf(request) != DialectErrors.Dialect.Google)
                    response.Headers["Retry-After"] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return response;
            }

            case FaultKind.StockNewApiTaskShape:
                request.Marks.Add(StockNewApiShape);
                return endpoint(request);

            case FaultKind.WrappedUnifiedShape:
                request.Marks.Add(WrappedUnified);
                return endpoint(request);

            case FaultKind.VideoUndeliverable:
                return Wire.Json(new JsonObject
                {
                    ["error"] = new JsonObject { ["message"] = fault.ErrorMessage ?? "Failed to fetch video content", ["type"] = "server_error" },
                }, 502);

            case FaultKind.ServerError:
                return DialectErrors.ServerError(request, fault.StatusCode);

            case FaultKind.Latency:
            {
                var response = endpoint(request);
                try
                {
                    await Task.Delay(fault.Delay!.Value, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    response.Body.Dispose();
                    throw;
                }
                return response;
            }

            case FaultKind.BareServerError:
                endpoint(request).Body.Dispose();
                return Responses.Text(fault.StatusCode == 500 ? "Internal Server Error" : $"Error {fault.StatusCode}", "text/plain", fault.StatusCode);

            case FaultKind.ResetAfterRead:
                endpoint(request).Body.Dispose();
                return EmulatorResponse.Dropped;

            case FaultKind.TruncateBody:
            {
                var response = endpoint(request);
                var body = await response.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
                return response.WithBody(response.StatusCode, response.ContentType, body).Truncated(body.Length / 2);
            }

            case FaultKind.CorruptBody:
            {
                var response = endpoint(request);
                var body = await response.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
                // The first bytes hold the MP4 box headers, so a client that checks what it saved can tell.
                for (var i = 0; i < Math.Min(CorruptedPrefix, body.Length); i++) body[i] ^= 0xFF;
                return response.WithBody(response.StatusCode, response.ContentType, body);
            }

            case FaultKind.MalformedJson:
            {
                var response = endpoint(request);
                var body = await response.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
                var half = new byte[body.Length / 2];
                Buffer.BlockCopy(body, 0, half, 0, half.Length);
                return response.WithBody(200, "application/json", body.Length > 1 ? half : Encoding.UTF8.GetBytes("{\""));
            }

            default:
                throw new InvalidOperationException($"{fault.Kind} does not change how a request is answered.");
        }
    }
}
