namespace Veo.Core.Media;

/// <summary>A file that should be an MP4 video cannot be read as one; the message says why in plain words.</summary>
public sealed class InvalidVideoException : Exception
{
    public InvalidVideoException(InvalidVideoReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Lets callers choose an error id or category without parsing the message.</summary>
    public InvalidVideoReason Reason { get; }
}
