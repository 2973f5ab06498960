using System.Runtime.InteropServices;

namespace Veo.Core.Internal;

/// <summary>
/// VEO_HOME holds prompts, costs and gateway addresses: on Unix its folder is 0700 and its files 0600, made so when
/// they are created (mkdir and open with that mode, not chmod after) and tightened if an older version left them
/// readable. Windows gives a user's profile folders to that user already.
/// </summary>
internal static class PrivateFiles
{
    private const int OwnerOnlyFolder = 0x1C0; // 0700
    private const int OwnerOnlyFile = 0x180;   // 0600
    private const int CreateWriteOnly = 0x41;  // O_CREAT | O_WRONLY (the same on Linux and macOS)

    private static readonly bool IsUnix = !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>Paths already made private by this process: the journal appends a line per event, the check is once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Ensured = new(StringComparer.Ordinal);

    public static void EnsureFolder(string folder)
    {
        if (!IsUnix)
        {
            Directory.CreateDirectory(folder);
            return;
        }
        var parent = Path.GetDirectoryName(Path.GetFullPath(folder));
        if (!string.IsNullOrEmpty(parent)) Directory.CreateDirectory(parent!);
        if (!Directory.Exists(folder) && mkdir(folder, OwnerOnlyFolder) != 0 && !Directory.Exists(folder))
            throw new IOException($"Could not create the folder '{folder}' (errno {Marshal.GetLastWin32Error()}).");
        chmod(folder, OwnerOnlyFolder);
    }

    /// <summary>Makes sure the file exists, readable and writable by its owner only.</summary>
    public static void EnsureFile(string path)
    {
        if (Ensured.ContainsKey(path) && File.Exists(path)) return;
        EnsureFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!IsUnix)
        {
            if (!File.Exists(path)) File.Open(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite).Dispose();
            return;
        }
        if (!File.Exists(path))
        {
            var fd = open(path, CreateWriteOnly, OwnerOnlyFile);
            if (fd >= 0) close(fd);
        }
        chmod(path, OwnerOnlyFile);
        Ensured[path] = true;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkdir(string path, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int chmod(string path, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(string path, int flags, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
