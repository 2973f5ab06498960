namespace Veo.Core.Tasks;

/// <summary>The file a task's video is saved as when only a folder is given: its id, made safe for any file system.</summary>
public static class TaskFileName
{
    private static readonly char[] Unsafe = System.IO.Path.GetInvalidFileNameChars().Concat(new[] { ':', '*', '?', '"', '<', '>', '|', '/', '\\' }).Distinct().ToArray();

    /// <summary>Ids such as "veo3.1-fast:1770350082-abc" or Gemini's "models/.../operations/x" hold characters no file name may.</summary>
    public static string For(string taskId) =>
        new string(taskId.Select(c => Array.IndexOf(Unsafe, c) >= 0 ? '_' : c).ToArray()) + ".mp4";
}
