namespace RallyNov.Media.Storage;

/// <summary>What the first bytes of a file say it is.</summary>
public enum MediaKind
{
    Unknown,
    Empty,
    Jpeg,
    Png,
    Gif,
    WebP,
    Pdf,
    Svg,
}

/// <summary>Extension and Content-Type of each accepted kind.</summary>
public static class MediaKinds
{
    public static string? ExtensionOf(MediaKind kind) => kind switch
    {
        MediaKind.Jpeg => ".jpg",
        MediaKind.Png => ".png",
        MediaKind.Gif => ".gif",
        MediaKind.WebP => ".webp",
        MediaKind.Pdf => ".pdf",
        _ => null,
    };

    public static string? ContentTypeOf(MediaKind kind) => kind switch
    {
        MediaKind.Jpeg => "image/jpeg",
        MediaKind.Png => "image/png",
        MediaKind.Gif => "image/gif",
        MediaKind.WebP => "image/webp",
        MediaKind.Pdf => "application/pdf",
        _ => null,
    };

    /// <summary>Kind from a stored file's extension; stored names always end with the detected type's extension.</summary>
    public static MediaKind FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => MediaKind.Jpeg,
        ".png" => MediaKind.Png,
        ".gif" => MediaKind.Gif,
        ".webp" => MediaKind.WebP,
        ".pdf" => MediaKind.Pdf,
        _ => MediaKind.Unknown,
    };

    public static bool IsImage(MediaKind kind) => kind is MediaKind.Jpeg or MediaKind.Png or MediaKind.Gif or MediaKind.WebP;
}
