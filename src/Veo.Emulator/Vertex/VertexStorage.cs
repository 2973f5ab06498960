namespace Veo.Emulator;

/// <summary>
/// The gs:// objects a Vertex AI task writes when asked for a storageUri, named as Vertex AI names them
/// ({storageUri}{operation id}/sample_{n}.mp4), and read back through the Cloud Storage JSON API's media download
/// (GET /storage/v1/b/{bucket}/o/{object}?alt=media, cloud.google.com/storage/docs/json_api/v1/objects/get).
/// </summary>
internal static class VertexStorage
{
    /// <summary>("bucket", "folder/") of gs://bucket/folder/, or null when it is not a bucket address.</summary>
    public static (string Bucket, string Prefix)? Parse(string? uri)
    {
        const string scheme = "gs://";
        if (uri is null || !uri.StartsWith(scheme, StringComparison.Ordinal)) return null;
        var rest = uri[scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length is < 3 or > 63 || bucket.Any(c => c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))) return null;
        var prefix = slash < 0 ? "" : rest[(slash + 1)..];
        return (bucket, prefix.Length == 0 || prefix.EndsWith("/", StringComparison.Ordinal) ? prefix : prefix + "/");
    }

    public static string ObjectName(string prefix, string operationId, int sample) => $"{prefix}{operationId}/sample_{sample}.mp4";

    public static string GcsUri(VertexOrder order, string operationId, int sample)
    {
        var (bucket, prefix) = Parse(order.StorageUri)!.Value;
        return $"gs://{bucket}/{ObjectName(prefix, operationId, sample)}";
    }

    /// <summary>The task and sample an object of a bucket holds, or null.</summary>
    public static (VideoTask Task, int Sample)? Find(TaskStore tasks, string bucket, string objectName)
    {
        var task = tasks.FindWhere(EmulatedApi.Vertex, t => t.Order.Vertex?.StorageUri is { } uri && Parse(uri)?.Bucket == bucket
            && objectName.StartsWith(Parse(uri)!.Value.Prefix + t.Id + "/", StringComparison.Ordinal));
        if (task is null) return null;
        for (var sample = 0; sample < task.Order.Vertex!.Samples; sample++)
            if (ObjectName(Parse(task.Order.Vertex.StorageUri)!.Value.Prefix, task.Id, sample) == objectName) return (task, sample);
        return null;
    }
}
