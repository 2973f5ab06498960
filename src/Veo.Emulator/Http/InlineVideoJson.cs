using System.Text;

namespace Veo.Emulator;

/// <summary>
/// A JSON answer that carries a whole video as a base64 string, made as it is read: the JSON before the value, the
/// video encoded a chunk at a time, the JSON after. Its length is known up front (Content-Length), and a video of any
/// size (<see cref="LargeVideo"/>) goes out without being held in memory, as the service's inline answers arrive.
/// </summary>
internal sealed class InlineVideoJson : ForwardOnlyStream
{
    private const int ChunkBytes = 48 * 1024;

    private readonly byte[] before;
    private readonly Stream video;
    private readonly byte[] after;
    private readonly long length;
    private readonly byte[] raw = new byte[ChunkBytes];
    private byte[] pending = [];
    private int pendingAt;
    private int stage;

    /// <param name="json">The answer with <paramref name="placeholder"/> where the base64 goes (inside its quotes).</param>
    public InlineVideoJson(string json, string placeholder, Stream video)
    {
        var at = json.IndexOf(placeholder, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException("The answer has no place for the video.", nameof(placeholder));
        before = Encoding.UTF8.GetBytes(json.Substring(0, at));
        after = Encoding.UTF8.GetBytes(json.Substring(at + placeholder.Length));
        this.video = video;
        length = before.Length + (video.Length + 2) / 3 * 4 + after.Length;
    }

    public override long Length => length;

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (pendingAt == pending.Length)
        {
            if (!Next()) return 0;
        }
        var n = Math.Min(count, pending.Length - pendingAt);
        Array.Copy(pending, pendingAt, buffer, offset, n);
        pendingAt += n;
        Consumed += n;
        return n;
    }

    /// <summary>Moves to the next piece: the JSON before, each chunk of video as base64, the JSON after; false at the end.</summary>
    private bool Next()
    {
        pendingAt = 0;
        switch (stage)
        {
            case 0:
                stage = 1;
                pending = before;
                return true;
            case 1:
                // Whole groups of three bytes, so the chunks' base64 joins into one value; only the last may be short.
                var filled = 0;
                while (filled < raw.Length)
                {
                    var read = video.Read(raw, filled, raw.Length - filled);
                    if (read == 0) break;
                    filled += read;
                }
                if (filled == 0)
                {
                    stage = 2;
                    pending = after;
                    return true;
                }
                pending = Encoding.ASCII.GetBytes(Convert.ToBase64String(raw, 0, filled));
                return true;
            default:
                pending = [];
                return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) video.Dispose();
        base.Dispose(disposing);
    }
}
