namespace RallyNov.Core.Media;

/// <summary>
/// Stores a file in the current tenant's media library on behalf of another module (the content
/// editor's image fields, posted without JavaScript). Implemented by the media module; the caller
/// checks the user's right to manage media first.
/// </summary>
public interface IMediaUploads
{
    /// <summary>False when the media module is off for the current tenant.</summary>
    bool IsAvailable { get; }

    /// <summary>Largest accepted file, in bytes.</summary>
    long MaxUploadBytes { get; }

    /// <summary>Checks and stores an image (never a PDF; an SVG only when allowed); a refusal carries a French reason and stores nothing.</summary>
    Task<MediaUploadOutcome> UploadImageAsync(MediaUploadRequest request, CancellationToken cancellationToken);
}

public sealed record MediaUploadRequest(string? FileName, Stream Content, long Length, string? Alt, string? UploadedBy, bool AllowSvg);

/// <summary>The stored path ("photo.jpg"), or the French reason it was refused; <see cref="Notice"/> tells what was changed (an SVG cleaned).</summary>
public sealed record MediaUploadOutcome(string? Path, string? Error, string? Notice = null)
{
    public bool Succeeded => Path is not null;
}
