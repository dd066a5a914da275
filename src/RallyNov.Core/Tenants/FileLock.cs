namespace RallyNov.Core.Tenants;

/// <summary>
/// An exclusive lock shared with other processes: an open lock file (FileShare.None, an advisory
/// flock on Unix). The web server and a command-line verb use it so that neither rewrites
/// tenants.json from a stale copy, and so that a tenant is set up by one process only. The file
/// stays on disk: deleting a lock file lets two processes hold "the" lock on two different files.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>The lock, or null at once when another holder has it.</summary>
    public static FileLock? TryAcquire(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Waits for the lock; a holder that keeps it past <paramref name="timeout"/> is reported in French.</summary>
    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (TryAcquire(path) is { } acquired)
            {
                return acquired;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"Le fichier {path} est verrouillé par un autre processus depuis plus de {timeout.TotalSeconds:0} secondes ; réessayez dans un instant.");
            }

            await Task.Delay(25, cancellationToken);
        }
    }

    public void Dispose() => _stream.Dispose();
}
