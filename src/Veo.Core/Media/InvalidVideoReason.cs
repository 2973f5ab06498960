namespace Veo.Core.Media;

/// <summary>Why a file could not be read as an MP4 video.</summary>
public enum InvalidVideoReason
{
    /// <summary>The file does not start like an MP4 (no <c>ftyp</c> box): another format, or an error page.</summary>
    NotMp4,

    /// <summary>The file ends before a box it contains does: typically a download cut short.</summary>
    Truncated,

    /// <summary>The file has no <c>moov</c> box, so nothing says what it contains.</summary>
    NoMovie,

    /// <summary>The file has tracks, but none of them is video.</summary>
    NoVideoTrack,

    /// <summary>A box contradicts the format, such as a size smaller than its own header.</summary>
    Malformed,
}
