using RallyNov.Media.Data;

namespace RallyNov.Media.Services;

/// <summary>The current tenant's media library: files on disk plus their metadata, kept together.</summary>
public interface IMediaLibrary
{
    Task<MediaFolderListing> ListAsync(string folder, CancellationToken cancellationToken);

    Task<MediaFile?> GetAsync(string path, CancellationToken cancellationToken);

    /// <summary>Checks and stores one upload; a refused upload writes nothing and carries a French error.</summary>
    Task<MediaUploadResult> UploadAsync(MediaUpload upload, CancellationToken cancellationToken);

    /// <summary>French error, or null on success.</summary>
    Task<string?> UpdateAsync(string path, string? alt, string? title, CancellationToken cancellationToken);

    Task DeleteAsync(string path, CancellationToken cancellationToken);

    /// <summary>French error, or null on success; the new folder's path in <paramref name="created"/>.</summary>
    string? CreateFolder(string parent, string? name, out string created);

    /// <summary>French error, or null on success.</summary>
    Task<string?> DeleteFolderAsync(string folder, CancellationToken cancellationToken);

    /// <summary>Files whose name, alt text or title contain <paramref name="query"/>, newest first.</summary>
    Task<(IReadOnlyList<MediaFile> Items, int Total)> SearchAsync(string? query, string? folder, int page, int pageSize, CancellationToken cancellationToken);
}

public sealed record MediaFolderListing(string Folder, IReadOnlyList<string> Folders, IReadOnlyList<MediaFile> Files);

public sealed record MediaUpload(string Folder, string? FileName, Stream Content, long Length, string? Alt, string? Title, string? UploadedBy);

public sealed record MediaUploadResult(MediaFile? File, string? Error)
{
    public bool Succeeded => File is not null;

    public static MediaUploadResult Fail(string error) => new(null, error);
}
