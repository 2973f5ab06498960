namespace Veo.Core.Tasks;

/// <summary>The file a task's video is saved as when only a folder is given: its id, made safe for any file system.</summary>
public static class TaskFileName
{
    private static readonly char[] Unsafe = System.IO.Path.GetInvalidFileNameChars().Concat(new[] { ':', '*', '?', '"', '<', '>', '|', '/', '\\' }).Distinct().ToArray();

    /// <summary>
    /// Ids such as "veo3.1-fast:1770350082-abc" hold characters no file name may. A Gemini operation's name
    /// ("models/veo-3.1-fast-generate-preview/operations/x") is saved under its short id, x, as people call it.
    /// </summary>
    /// <param name="sample">Which of the task's videos, from 0; with <paramref name="count"/> above 1 each gets "-1", "-2"... after the id.</param>
    public static string For(string taskId, int sample, int count) =>
        count <= 1 ? For(taskId) : Numbered(For(taskId), sample);

    /// <summary>"clip.mp4" → "clip-2.mp4" for the second video of a task.</summary>
    public static string Numbered(string fileName, int sample)
    {
        var extension = System.IO.Path.GetExtension(fileName);
        return fileName.Substring(0, fileName.Length - extension.Length) + "-" + (sample + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + extension;
    }

    public static string For(string taskId)
    {
        var operation = taskId.LastIndexOf("/operations/", StringComparison.Ordinal);
        var name = operation >= 0 && operation + "/operations/".Length < taskId.Length ? taskId.Substring(operation + "/operations/".Length) : taskId;
        return new string(name.Select(c => Array.IndexOf(Unsafe, c) >= 0 ? '_' : c).ToArray()) + ".mp4";
    }
}
