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
    public const string SvgContentType = "image/svg+xml";

    public static string? ExtensionOf(MediaKind kind) => kind switch
    {
        MediaKind.Jpeg => ".jpg",
        MediaKind.Png => ".png",
        MediaKind.Gif => ".gif",
        MediaKind.WebP => ".webp",
        MediaKind.Pdf => ".pdf",
        MediaKind.Svg => ".svg",
        _ => null,
    };

    public static string? ContentTypeOf(MediaKind kind) => kind switch
    {
        MediaKind.Jpeg => "image/jpeg",
        MediaKind.Png => "image/png",
        MediaKind.Gif => "image/gif",
        MediaKind.WebP => "image/webp",
        MediaKind.Pdf => "application/pdf",
        MediaKind.Svg => SvgContentType,
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
        ".svg" => MediaKind.Svg,
        _ => MediaKind.Unknown,
    };

    public static MediaKind FromContentType(string contentType) => contentType switch
    {
        "image/jpeg" => MediaKind.Jpeg,
        "image/png" => MediaKind.Png,
        "image/gif" => MediaKind.Gif,
        "image/webp" => MediaKind.WebP,
        "application/pdf" => MediaKind.Pdf,
        SvgContentType => MediaKind.Svg,
        _ => MediaKind.Unknown,
    };

    public static bool IsImage(MediaKind kind) => kind is MediaKind.Jpeg or MediaKind.Png or MediaKind.Gif or MediaKind.WebP or MediaKind.Svg;

    /// <summary>Kinds served with ?w= variants: photos scaled down, SVG drawn as a raster (admin thumbnails, srcset).</summary>
    public static bool HasVariants(MediaKind kind) => kind is MediaKind.Jpeg or MediaKind.Png or MediaKind.WebP or MediaKind.Svg;

    /// <summary>The bitmap image kinds: what a photo field accepts.</summary>
    public static readonly IReadOnlySet<MediaKind> Raster = new HashSet<MediaKind> { MediaKind.Jpeg, MediaKind.Png, MediaKind.Gif, MediaKind.WebP };

    /// <summary>Images for a photo field; images and SVG for a logo field (see ContentFieldDefinition.AllowSvg).</summary>
    public static IReadOnlySet<MediaKind> ImagesFor(bool allowSvg) => allowSvg ? RasterAndSvg : Raster;

    private static readonly IReadOnlySet<MediaKind> RasterAndSvg = new HashSet<MediaKind> { MediaKind.Jpeg, MediaKind.Png, MediaKind.Gif, MediaKind.WebP, MediaKind.Svg };

    /// <summary>Reads "images" or "images,svg" (the picker's and the upload's kinds parameter); null for anything else.</summary>
    public static IReadOnlySet<MediaKind>? Parse(string? kinds) => kinds switch
    {
        "images" => Raster,
        "images,svg" => RasterAndSvg,
        _ => null,
    };

    /// <summary>The French reason an upload of <paramref name="kind"/> does not fit where it was sent.</summary>
    public static string Refusal(MediaKind kind, IReadOnlySet<MediaKind> accept)
    {
        var expected = accept.Contains(MediaKind.Svg) ? "une image JPEG, PNG, WebP, GIF ou SVG" : "une image JPEG, PNG, WebP ou GIF";
        return kind switch
        {
            MediaKind.Svg => $"Les images SVG ne sont pas acceptées ici : envoyez {expected}.",
            MediaKind.Pdf => $"Un document PDF ne peut pas servir d'image : envoyez {expected}.",
            _ => $"Ce type de fichier n'est pas accepté ici : envoyez {expected}.",
        };
    }
}
