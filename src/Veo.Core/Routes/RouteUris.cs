namespace Veo.Core.Routes;

public static class RouteUris
{
    /// <summary>
    /// Keys travel in headers, so a base URI must be https; plain http is allowed only on
    /// loopback, where the emulator and local gateways live.
    /// </summary>
    public static Uri Normalize(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
            throw new ArgumentException($"The base URI '{uri}' is not absolute; write it as https://host/.");
        // An address is shown (Connect-Veo, Get-VeoRoute), stored (routes.json, the journal) and logged; a secret in it
        // would travel with it. The message names the host only.
        if (uri.UserInfo.Length > 0)
            throw new ArgumentException(
                $"The base URI for {uri.Host} holds a user name or password (user:secret@host). Give the key with -ApiKey or a variable and the address without it.");
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            throw new ArgumentException(
                $"The base URI '{uri}' is not https. Keys are sent with every call, so only https is allowed (plain http only on 127.0.0.1/localhost).");
        var text = uri.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
    }
}
