// How an MP4 is refused: the exception callers catch, its reasons, and the wording of each refusal.

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

/// <summary>Every way an MP4 is refused, worded for the person who has to do something about it.</summary>
internal static class InvalidVideo
{
    private const string DownloadAgain = "The download was probably cut short; download the video again.";

    public static InvalidVideoException NotAnMp4(byte[] firstBytes, long fileLength)
    {
        if (fileLength == 0)
        {
            return new(InvalidVideoReason.NotMp4, "The file is empty (0 bytes), so it is not an MP4 video.");
        }

        var hex = BitConverter.ToString(firstBytes).Replace('-', ' ');
        if (fileLength < 8)
        {
            return new(InvalidVideoReason.NotMp4, $"The file is only {fileLength} bytes long ({hex}), too short to be an MP4 video.");
        }

        var text = new string(firstBytes.Select(b => b is >= 0x20 and < 0x7F ? (char)b : '.').ToArray());
        var looksLikeText = firstBytes.All(b => b is (>= 0x20 and < 0x7F) or (byte)'\t' or (byte)'\r' or (byte)'\n');
        var hint = looksLikeText ? " It looks like text, such as an error page saved in place of the video." : "";
        return new(
            InvalidVideoReason.NotMp4,
            $"The file is not an MP4 video: an MP4 starts with an 'ftyp' box, but this file starts with \"{text}\" ({hex}).{hint}");
    }

    public static InvalidVideoException BoxRunsPastEndOfFile(string type, long offset, ulong size, long fileLength)
    {
        var missing = size - (ulong)(fileLength - offset);
        return new(
            InvalidVideoReason.Truncated,
            $"The video file is incomplete: it ends after {fileLength} bytes, but its '{type}' box at offset {offset} " +
            $"is {size} bytes long, so {missing} bytes are missing. {DownloadAgain}");
    }

    public static InvalidVideoException HeaderCutShort(long offset, int headerSize, long fileLength)
    {
        var missing = headerSize - (fileLength - offset);
        return new(
            InvalidVideoReason.Truncated,
            $"The video file is incomplete: it ends after {fileLength} bytes, inside the header of a box at offset {offset}, " +
            $"so {missing} bytes are missing. {DownloadAgain}");
    }

    public static InvalidVideoException NoMovie() =>
        new(
            InvalidVideoReason.NoMovie,
            "The MP4 file has no 'moov' box, the index that says what the file contains; " +
            "it was probably never finished by whatever wrote it.");

    public static InvalidVideoException NoVideoTrack(IReadOnlyList<Mp4Track> tracks)
    {
        var contents = tracks.Count == 0
            ? "it has no tracks at all"
            : "it holds only " + string.Join(", ", tracks.Select(t => KindOf(t.Handler)));
        return new(InvalidVideoReason.NoVideoTrack, $"The MP4 file has no video track: {contents}.");
    }

    public static InvalidVideoException Malformed(string problem) =>
        new(InvalidVideoReason.Malformed, $"The MP4 file is damaged: {problem}.");

    public static InvalidVideoException Malformed(Mp4Box box, string problem) =>
        Malformed($"its '{box.Type}' box at offset {box.Offset} {problem}");

    private static string KindOf(string handler) => handler switch
    {
        "soun" => "audio",
        "text" or "sbtl" or "subt" => "subtitles",
        _ => $"a '{handler}' track",
    };
}
