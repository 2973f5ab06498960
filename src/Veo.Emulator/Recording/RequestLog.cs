using System.Security.Cryptography;

namespace Veo.Emulator;

/// <summary>Every request in arrival order; an entry is added on arrival and completed when the answer is known.</summary>
internal sealed class RequestLog
{
    private readonly object gate = new();
    private readonly List<Entry> entries = [];

    public Entry Begin(EmulatorRequest request)
    {
        var entry = new Entry(request.Method, request.Path, request.QueryString,
            new Dictionary<string, string>(request.Headers.ToDictionary(h => h.Key, h => h.Value), StringComparer.OrdinalIgnoreCase));
        lock (gate) entries.Add(entry);
        return entry;
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (gate) return entries.Select(e => e.ToRecord()).ToList();
    }

    public void Clear()
    {
        lock (gate) entries.Clear();
    }

    internal sealed class Entry(string method, string path, string query, IReadOnlyDictionary<string, string> headers)
    {
        private volatile RequestBody body = RequestBody.Empty;
        private volatile int statusCode;

        public void SetBody(RequestBody value) => body = value;

        public void SetStatus(int value) => statusCode = value;

        public RecordedRequest ToRecord()
        {
            var current = body;
            var parts = current.Parts ?? [];
            var fields = parts.Where(p => !p.IsFile).Select(p => new KeyValuePair<string, string>(p.Name, p.Text)).ToList();
            var files = parts.Where(p => p.IsFile)
                .Select(p => new RecordedFile(p.Name, p.FileName!, p.ContentType, p.Content.Length, Sha256Hex(p.Content)))
                .ToList();
            var order = parts.Select(p => new RecordedPart(p.Name, p.FileName, p.ContentType, p.Content.Length)).ToList();
            return new RecordedRequest(method, path, query, headers, fields, files, current.Json, statusCode) { Parts = order };
        }

        private static string Sha256Hex(byte[] content)
        {
            using var sha = SHA256.Create();
            return string.Concat(sha.ComputeHash(content).Select(b => b.ToString("x2")));
        }
    }
}
