namespace Veo.Core.Reports;

/// <summary>How a report reaches the disk: written beside its path, then renamed over it, so a reader never sees half of one.</summary>
internal static class ReportFile
{
    public static void Replace(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None)) write(stream);
        if (File.Exists(full)) File.Delete(full);
        File.Move(partial, full);
    }
}
