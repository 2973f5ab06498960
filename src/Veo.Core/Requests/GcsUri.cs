namespace Veo.Core.Requests;

/// <summary>A Cloud Storage address, gs://bucket/object, split the way the storage JSON API wants it.</summary>
public static class GcsUri
{
    /// <summary>
    /// Bucket names are 3-63 lower-case letters, digits, dashes, underscores and dots
    /// (cloud.google.com/storage/docs/buckets#naming); the object is whatever follows the first slash.
    /// </summary>
    public static bool TryParse(string? uri, out string bucket, out string objectName)
    {
        bucket = objectName = "";
        const string scheme = "gs://";
        if (uri is null || !uri.StartsWith(scheme, StringComparison.Ordinal)) return false;
        var rest = uri.Substring(scheme.Length);
        var slash = rest.IndexOf('/');
        var name = slash < 0 ? rest : rest.Substring(0, slash);
        if (name.Length is < 3 or > 63 || name.Any(c => !(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))) return false;
        bucket = name;
        objectName = slash < 0 ? "" : rest.Substring(slash + 1);
        return true;
    }
}
