using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Veo.Emulator;

/// <summary>Runs an endpoint with its body written to memory, so a fault can delay, cut or alter it before the client sees it.</summary>
internal static class CapturedResponse
{
    public static async Task<byte[]> RunAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(original);
        }
        return buffer.ToArray();
    }

    public static async Task SendAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
