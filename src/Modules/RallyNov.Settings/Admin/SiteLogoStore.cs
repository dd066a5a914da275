using Microsoft.AspNetCore.Http;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;
using RallyNov.Media;
using RallyNov.Media.Services;
using RallyNov.Media.Storage;

namespace RallyNov.Settings.Admin;

/// <summary>
/// Where an uploaded logo goes: the tenant's media library, folder « identite », so it is served
/// with its variants (the favicon is its 160 px one) and listed with the other files.
/// </summary>
public interface ISiteLogoStore
{
    /// <summary>False when the media library is switched off in this site: no logo can be served.</summary>
    bool IsAvailable { get; }

    Task<LogoUploadResult> StoreAsync(IFormFile file, string siteName, string? user, CancellationToken cancellationToken);
}

/// <param name="Notice">What was changed on the way (an SVG cleaned), to tell the person.</param>
public sealed record LogoUploadResult(string? Path, string? Error, string? Notice = null)
{
    public bool Succeeded => Path is not null;
}

/// <summary>
/// Logos through <see cref="IMediaLibrary"/>: the library checks the bytes, the size and the alt
/// text, and decides about SVG — it refuses SVG until its sanitiser is in, then stores the cleaned
/// document (scripts, event handlers, external references and foreignObject removed). This class
/// only narrows the kinds to what a logo may be.
/// </summary>
internal sealed class MediaLibraryLogoStore(IMediaLibrary library, ModuleCatalog catalog, TenantContext tenant) : ISiteLogoStore
{
    public const string Folder = "identite";

    public bool IsAvailable => catalog.IsEnabled(tenant.Settings, MediaModule.ModuleId);

    public async Task<LogoUploadResult> StoreAsync(IFormFile file, string siteName, string? user, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return new LogoUploadResult(null, "Le fichier est vide.");
        }

        await using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        content.Position = 0;
        var kind = await MediaTypeDetector.DetectAsync(content, cancellationToken);
        content.Position = 0;
        if (kind is not (MediaKind.Png or MediaKind.WebP or MediaKind.Jpeg or MediaKind.Svg))
        {
            var found = kind switch
            {
                MediaKind.Gif => "une image GIF",
                MediaKind.Pdf => "un document PDF",
                _ => "un fichier qui n'est pas une image reconnue",
            };
            return new LogoUploadResult(null, $"Le logo doit être une image PNG, WebP, JPEG ou SVG : ce fichier est {found}.");
        }

        // Made on first use; an existing folder only answers "already exists".
        library.CreateFolder("", Folder, out _);

        var result = await library.UploadAsync(new MediaUpload(Folder, file.FileName, content, content.Length, "Logo de " + siteName, "Logo du site", user), cancellationToken);
        return result.Succeeded ? new LogoUploadResult(result.File!.Path, null) : new LogoUploadResult(null, result.Error);
    }
}
