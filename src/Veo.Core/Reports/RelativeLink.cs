namespace Veo.Core.Reports;

/// <summary>
/// A link from a page to a file beside it, as an HTML page writes it: relative ("videos/a%20b.mp4", "../clip.mp4"), each
/// segment percent-encoded (a '#' or '?' in a folder name stays part of the name), or a file: URI when no relative path
/// exists (another drive). Relative links keep the report and its videos movable together as one folder.
/// </summary>
public static class RelativeLink
{
    public static string From(string pageFolder, string file)
    {
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var from = Segments(Path.GetFullPath(pageFolder));
        var to = Segments(Path.GetFullPath(file));
        if (from.Length == 0 || to.Length == 0 || !string.Equals(from[0], to[0], comparison)) return new Uri(Path.GetFullPath(file)).AbsoluteUri;
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], comparison)) common++;
        var ups = Enumerable.Repeat("..", from.Length - common);
        return string.Join("/", ups.Concat(to.Skip(common).Select(Uri.EscapeDataString)));
    }

    private static readonly char[] Separators = { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };

    /// <summary>The folders and name of a full path, its root first: "/" on Unix, "C:" (the first part already) on Windows.</summary>
    private static string[] Segments(string fullPath)
    {
        var parts = fullPath.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return fullPath.StartsWith("/", StringComparison.Ordinal) ? new[] { "/" }.Concat(parts).ToArray() : parts;
    }
}
