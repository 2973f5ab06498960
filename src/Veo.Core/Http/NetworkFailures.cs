using System.Net.Sockets;

namespace Veo.Core.Http;

internal static class NetworkFailures
{
    /// <summary>
    /// True only when the request provably never left this machine (no connection was made),
    /// the one case where repeating a paid create cannot bill twice.
    /// </summary>
    public static bool NeverReachedServer(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException s && s.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.TryAgain or SocketError.NoData or SocketError.HostUnreachable or SocketError.NetworkUnreachable)
                return true;
        }
        return false;
    }
}
