using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Veo.Core.Http;
using Veo.Core.Routes;

namespace Veo.Core.Quotas;

/// <summary>
/// One gate per service address and key, for the whole process: parallel runspaces (ForEach-Object -Parallel) and
/// every command of a pipeline share one quota, as the service counts them. The key is known only by a hash.
/// </summary>
internal static class QuotaGates
{
    private static readonly ConcurrentDictionary<string, QuotaGate> Gates = new(StringComparer.Ordinal);

    public static QuotaGate For(VideoRoute route, ApiKey key)
    {
        var origin = route.BaseUri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        var gate = Gates.GetOrAdd(origin + "|" + Fingerprint(key), _ => new QuotaGate(route.Quota));
        gate.Apply(route.Quota);
        return gate;
    }

    private static string Fingerprint(ApiKey key)
    {
        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(key.Reveal())));
    }
}
