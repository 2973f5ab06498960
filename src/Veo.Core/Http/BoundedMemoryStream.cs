namespace Veo.Core.Http;

/// <summary>A memory buffer that refuses to grow past a limit, so a server cannot make Veo hold more than it expects.</summary>
internal sealed class BoundedMemoryStream : MemoryStream
{
    private readonly long _limit;
    private readonly string _refusal;

    /// <param name="refusal">What the user is told when the limit is passed.</param>
    public BoundedMemoryStream(long limit, string refusal)
    {
        _limit = limit;
        _refusal = refusal;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (Length + count > _limit) throw VideoTooLargeException.Said(_refusal);
        base.Write(buffer, offset, count);
    }

    public override void WriteByte(byte value)
    {
        if (Length + 1 > _limit) throw VideoTooLargeException.Said(_refusal);
        base.WriteByte(value);
    }
}
