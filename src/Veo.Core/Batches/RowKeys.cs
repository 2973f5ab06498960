using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Veo.Core.Requests;

namespace Veo.Core.Batches;

/// <summary>
/// A row's key: the SHA-256 of what its create asks for, the same on every run of the same input. The route and the
/// model id it resolved to, the prompt and every parameter as the request holds them after the route's rules, and each
/// image by the SHA-256 of its bytes, not its path: a file moved or renamed is the same row, an image edited in place
/// is another. Rows that ask for the same thing share a key and are told apart by their ordinal (<see cref="RowIdentity.RowOrdinal"/>).
/// </summary>
public static class RowKeys
{
    public static string Of(PreparedRequest prepared)
    {
        var request = prepared.Request with
        {
            Model = prepared.Model.Id,
            Image = HashOf(prepared.Request.Image),
            LastFrame = HashOf(prepared.Request.LastFrame),
            ReferenceImages = prepared.Request.ReferenceImages.Select(p => HashOf(p)!).ToArray(),
        };
        // The journal's own serializer: property order is the declaration order, so the text is canonical for a version.
        var json = JsonSerializer.Serialize(request, Tasks.JournalJsonContext.Default.VideoRequest);
        return Hex(SHA256Hash(Encoding.UTF8.GetBytes(prepared.Route.Name.ToLowerInvariant() + "\n" + json)));
    }

    /// <summary>"sha256:…" of the file's bytes, streamed (an image is never held whole for this).</summary>
    private static string? HashOf(string? path)
    {
        if (path is null) return null;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        using var sha = SHA256.Create();
        return "sha256:" + Hex(sha.ComputeHash(file));
    }

    private static byte[] SHA256Hash(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(bytes);
    }

    private static string Hex(byte[] hash)
    {
        var text = new StringBuilder(hash.Length * 2);
        foreach (var b in hash) text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return text.ToString();
    }
}
