namespace Veo.Core.Reports;

/// <summary>
/// A link from a report to a file beside it: relative, so the report and its videos move together as one folder. The
/// page writes it as a URL ("videos/a%20b.mp4", "../clip.mp4"), each segment percent-encoded (a '#' or '?' in a folder
/// name stays part of the name), or a file: URI when no relative path exists (another drive); a CSV writes it as a
/// path ("videos/a b.mp4" with the system's separator), or the full path when no relative one exists.
/// </summary>
public static class RelativeLink
{
    public static string From(string pageFolder, string file) =>
        Relative(pageFolder, file) is { } segments ? string.Join("/", segments.Select(Uri.EscapeDataString)) : new Uri(Path.GetFullPath(file)).AbsoluteUri;

    /// <summary>The file as a path relative to <paramref name="folder"/>, as Join-Path and Test-Path read it from there.</summary>
    public static string PathFrom(string folder, string file) =>
        Relative(folder, file) is { } segments ? string.Join(Path.DirectorySeparatorChar.ToString(), segments) : Path.GetFullPath(file);

    /// <summary>The ".." and names that lead from the folder to the file, or null when they share no root.</summary>
    private static IEnumerable<string>? Relative(string folder, string file)
    {
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var from = Segments(Path.GetFullPath(folder));
        var to = Segments(Path.GetFullPath(file));
        if (from.Length == 0 || to.Length == 0 || !string.Equals(from[0], to[0], comparison)) return null;
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], comparison)) common++;
        return Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common));
    }

    private static readonly char[] Separators = { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };

    /// <summary>The folders and name of a full path, its root first: "/" on Unix, "C:" (the first part already) on Windows.</summary>
    private static string[] Segments(string fullPath)
    {
        var parts = fullPath.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return fullPath.StartsWith("/", StringComparison.Ordinal) ? new[] { "/" }.Concat(parts).ToArray() : parts;
    }
}
