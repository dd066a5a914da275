using System.Runtime.InteropServices;

namespace RallyNov.Core.Hosting;

/// <summary>
/// The data folder holds every tenant's database, media, keys and the initial password: on Unix
/// it is readable by the site's own account only. Files are created 0600 and folders 0700 (the
/// process umask, so SQLite, Lucene, uploads and keys all follow), and what an older version
/// created with wider rights is tightened when the site starts.
/// </summary>
public static class DataFolder
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static int _restricted;

    /// <summary>Sets the process umask to 077 once: every file the site creates from now on is private.</summary>
    public static void RestrictNewFiles()
    {
        if (OperatingSystem.IsWindows() || Interlocked.Exchange(ref _restricted, 1) == 1)
        {
            return;
        }

        _ = NativeMethods.umask(0b_000_111_111);
    }

    /// <summary>Creates a folder (and its missing parents) readable by the owner only.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>Takes group and other rights away from an existing folder (not its content).</summary>
    public static void RestrictDirectory(string path)
    {
        if (!OperatingSystem.IsWindows() && Directory.Exists(path))
        {
            Restrict(path, FolderMode);
        }
    }

    /// <summary>Takes group and other rights away from an existing file.</summary>
    public static void RestrictFile(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            Restrict(path, FileMode);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Restrict(string path, UnixFileMode allowed)
    {
        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & ~allowed) != 0)
            {
                File.SetUnixFileMode(path, mode & allowed);
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            // A file owned by another account (a restored backup): the site still runs; the
            // operations guide tells how to check the rights.
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "umask")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern uint umask(uint mask);
    }
}
