using RallyNov.Core.Tenants;

namespace RallyNov.Media.Storage;

/// <summary>The current tenant's Media folder on disk (its data folder's, or its own under RallyNov:Media:Root). Paths are relative and already parsed by <see cref="MediaPath"/>.</summary>
public interface IMediaStore
{
    /// <summary>Absolute path of a relative media path, or null when it would leave the tenant's Media folder.</summary>
    string? Resolve(string relativePath);

    bool FileExists(string path);

    bool FolderExists(string folder);

    IReadOnlyList<string> ListFolders(string folder);

    void CreateFolder(string folder);

    /// <summary>False when the folder still holds something.</summary>
    bool DeleteEmptyFolder(string folder);

    Task SaveAsync(string path, Stream content, CancellationToken cancellationToken);

    void DeleteFile(string path);
}

internal sealed class MediaStore(TenantContext tenant, MediaFolders folders) : IMediaStore
{
    private readonly string _root = Path.GetFullPath(folders.MediaOf(tenant));

    public string? Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        // Second line of defence after MediaPath: whatever the input, nothing outside the root.
        return full == _root || full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    public bool FileExists(string path) => Resolve(path) is { } full && File.Exists(full);

    public bool FolderExists(string folder) => Resolve(folder) is { } full && Directory.Exists(full);

    public IReadOnlyList<string> ListFolders(string folder)
    {
        if (Resolve(folder) is not { } full || !Directory.Exists(full))
        {
            return [];
        }

        return Directory.EnumerateDirectories(full)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(MediaPath.IsFolderName)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public void CreateFolder(string folder) => Directory.CreateDirectory(Require(folder));

    public bool DeleteEmptyFolder(string folder)
    {
        var full = Require(folder);
        if (full == _root || !Directory.Exists(full) || Directory.EnumerateFileSystemEntries(full).Any())
        {
            return false;
        }

        Directory.Delete(full);
        return true;
    }

    public async Task SaveAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var full = Require(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // CreateNew: two uploads racing for the same name never overwrite each other.
        await using var file = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
    }

    public void DeleteFile(string path)
    {
        var full = Require(path);
        if (File.Exists(full))
        {
            File.Delete(full);
        }
    }

    private string Require(string relativePath) =>
        Resolve(relativePath) ?? throw new InvalidOperationException("Chemin de média hors de la médiathèque.");
}
