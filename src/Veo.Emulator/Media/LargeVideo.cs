using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Veo.Emulator;

/// <summary>
/// A valid MP4 of any size, streamed and never held in memory: the fixture's ftyp and moov, then one 'mdat' with
/// a 64-bit largesize that holds the fixture's own media followed by generated filler. Its 16-byte header takes the
/// place of the 8-byte 'free' box and 8-byte 'mdat' header that ffmpeg's +faststart leaves for exactly this, so every
/// sample offset in moov still points at the same media and the file still plays. A read-only stream, so either host
/// sends it as it sends a fixture.
/// </summary>
internal sealed class LargeVideo : ForwardOnlyStream
{
    private const int LargeHeaderSize = 16;
    private const int FillerChunkSize = 256 * 1024;

    private static readonly ConcurrentDictionary<VideoFixture, Layout> Layouts = new();
    private static readonly byte[] Filler = MakeFiller();

    private readonly byte[][] pieces;
    private readonly long length;

    public LargeVideo(VideoFixture fixture, long length)
    {
        var layout = LayoutOf(fixture);
        if (length < layout.MinimumLength)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A large video needs at least {layout.MinimumLength} bytes to hold {fixture.ResourceName}.");
        this.length = length;

        var header = new byte[LargeHeaderSize];
        BinaryPrimitives.WriteUInt32BigEndian(header, 1);
        "mdat"u8.CopyTo(header.AsSpan(4));
        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(8), (ulong)(length - layout.Head.Length));
        pieces = [layout.Head, header, layout.Media];
    }

    /// <summary>The smallest size every fixture fits in: their header boxes, the large mdat header and their media.</summary>
    public static long MinimumLength => VideoFixture.All.Max(f => LayoutOf(f).MinimumLength);

    public override long Length => length;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var copied = 0;
        while (copied < count && Consumed < length)
        {
            var (piece, start) = PieceAt(Consumed);
            var take = (int)Math.Min(Math.Min(count - copied, piece.Length - start), length - Consumed);
            Buffer.BlockCopy(piece, start, buffer, offset + copied, take);
            copied += take;
            Consumed += take;
        }
        return copied;
    }


    /// <summary>The piece that holds byte <paramref name="at"/> and where in it; past the fixture's pieces, the filler repeats.</summary>
    private (byte[] Piece, int Start) PieceAt(long at)
    {
        foreach (var piece in pieces)
        {
            if (at < piece.Length) return (piece, (int)at);
            at -= piece.Length;
        }
        return (Filler, (int)(at % Filler.Length));
    }

    private static Layout LayoutOf(VideoFixture fixture) => Layouts.GetOrAdd(fixture, static f =>
    {
        using var stream = f.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Layout.Of(f.ResourceName, copy.ToArray());
    });

    /// <summary>Bytes that are not all zero, so nothing on the way can treat the file as sparse or trivially compressible.</summary>
    private static byte[] MakeFiller()
    {
        var filler = new byte[FillerChunkSize];
        for (var i = 0; i < filler.Length; i++) filler[i] = (byte)(i * 31 % 251);
        return filler;
    }

    /// <summary>A fixture split where its media starts: what comes before the large mdat header, and the media itself.</summary>
    private sealed record Layout(byte[] Head, byte[] Media)
    {
        public long MinimumLength => Head.Length + LargeHeaderSize + Media.Length;

        public static Layout Of(string name, byte[] file)
        {
            int offset = 0, previous = -1;
            while (offset + 8 <= file.Length)
            {
                var size = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));
                var type = System.Text.Encoding.ASCII.GetString(file, offset + 4, 4);
                if (type == "mdat")
                {
                    if (size != file.Length - offset)
                        throw new InvalidOperationException($"{name}: 'mdat' must be the last box (make the fixture with -movflags +faststart).");
                    // The 'free' box just before mdat is the room ffmpeg leaves for a 64-bit size; without it offsets would shift.
                    var headEnd = previous >= 0 && IsFreeBox(file, previous) && offset - previous == 8
                        ? previous
                        : throw new InvalidOperationException($"{name}: an 8-byte 'free' box must come just before 'mdat' (ffmpeg's +faststart layout).");
                    return new Layout(file.AsSpan(0, headEnd).ToArray(), file.AsSpan(offset + 8).ToArray());
                }
                if (size < 8) break;
                previous = offset;
                offset += size;
            }
            throw new InvalidOperationException($"{name} has no 'mdat' box.");
        }

        private static bool IsFreeBox(byte[] file, int offset) => file.AsSpan(offset + 4, 4).SequenceEqual("free"u8);
    }
}
