using RallyNov.Media.Data;
using RallyNov.Media.Storage;

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

    /// <summary>Files whose name, alt text or title contain <paramref name="query"/>, newest first; only of <paramref name="contentTypes"/> when given.</summary>
    Task<(IReadOnlyList<MediaFile> Items, int Total)> SearchAsync(
        string? query, string? folder, IReadOnlyCollection<string>? contentTypes, int page, int pageSize, CancellationToken cancellationToken);
}

public sealed record MediaFolderListing(string Folder, IReadOnlyList<string> Folders, IReadOnlyList<MediaFile> Files);

/// <summary>One file to store. <paramref name="Accept"/> narrows the accepted kinds (an image field takes no PDF); null = every kind the library accepts.</summary>
public sealed record MediaUpload(string Folder, string? FileName, Stream Content, long Length, string? Alt, string? Title, string? UploadedBy, IReadOnlySet<MediaKind>? Accept = null);

/// <summary>The stored file, or the French reason it was refused; <see cref="Notice"/> tells what was changed on the way (an SVG cleaned).</summary>
public sealed record MediaUploadResult(MediaFile? File, string? Error, string? Notice = null)
{
    public bool Succeeded => File is not null;

    public static MediaUploadResult Fail(string error) => new(null, error);
}
