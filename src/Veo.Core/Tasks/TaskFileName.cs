namespace Veo.PowerShell.Commands;

internal static class FileNames
{
    private static readonly char[] Unsafe = System.IO.Path.GetInvalidFileNameChars().Concat(new[] { ':', '*', '?', '"', '<', '>', '|', '/', '\\' }).Distinct().ToArray();

    /// <summary>Task ids such as "veo3.1-fast:1770350082-abc" contain characters Windows refuses in names.</summary>
    public static string ForTask(string taskId) =>
        new string(taskId.Select(c => Array.IndexOf(Unsafe, c) >= 0 ? '_' : c).ToArray()) + ".mp4";
}
