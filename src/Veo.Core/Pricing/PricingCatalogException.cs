using System.Net;

namespace Veo.Core.Pricing;

/// <summary>A live pricing catalog that could not be fetched or read; the message quotes what the server said.</summary>
public sealed class PricingCatalogException : Exception
{
    public PricingCatalogException(string message, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(message, inner) => StatusCode = statusCode;

    /// <summary>The HTTP status when the request itself failed.</summary>
    public HttpStatusCode? StatusCode { get; }
}
