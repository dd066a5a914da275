using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RallyNov.Core.Auditing;
using RallyNov.Core.Caching;
using RallyNov.Core.Media;
using RallyNov.Media.Data;
using RallyNov.Media.Imaging;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Services;

internal sealed class MediaLibrary(
    MediaDbContext db,
    IMediaStore store,
    IImageProcessor images,
    IMediaVariantCache variants,
    IOptions<MediaOptions> options,
    TimeProvider clock,
    IAuditTrail audit,
    IAuditEventFactory auditEvents,
    ISvgSanitizer svg,
    ISiteChanges changes) : IMediaLibrary
{
    public async Task<MediaFolderListing> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var files = await db.MediaFiles.AsNoTracking()
            .Where(f => f.Folder == folder)
            .OrderBy(f => f.FileName)
            .ToListAsync(cancellationToken);
        return new MediaFolderListing(folder, store.ListFolders(folder), files);
    }

    public Task<MediaFile?> GetAsync(string path, CancellationToken cancellationToken) =>
        db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Path == path, cancellationToken);

    public async Task<MediaUploadResult> UploadAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxUploadBytes;
        if (upload.Length > max)
        {
            return MediaUploadResult.Fail($"Le fichier est trop volumineux : {FormatSize(upload.Length)} pour {FormatSize(max)} au maximum.");
        }

        if (!store.FolderExists(upload.Folder))
        {
            return MediaUploadResult.Fail("Ce dossier n'existe pas.");
        }

        var kind = await MediaTypeDetector.DetectAsync(upload.Content, cancellationToken);
        var refusal = kind switch
        {
            MediaKind.Empty => "Le fichier est vide.",
            MediaKind.Unknown => "Type de fichier non accepté : seules les images JPEG, PNG, WebP, GIF, SVG et les documents PDF sont acceptés (le contenu du fichier ne correspond à aucun de ces formats).",
            _ when upload.Accept is { } accept && !accept.Contains(kind) => MediaKinds.Refusal(kind, accept),
            _ => null,
        };
        if (refusal is not null)
        {
            return MediaUploadResult.Fail(refusal);
        }

        var alt = upload.Alt?.Trim() ?? "";
        if (MediaKinds.IsImage(kind) && alt.Length == 0)
        {
            return MediaUploadResult.Fail("Le texte alternatif est obligatoire pour une image : décrivez-la en quelques mots pour les personnes qui ne la voient pas.");
        }

        upload.Content.Position = 0;
        var content = upload.Content;
        var length = upload.Length;
        string? notice = null;
        if (kind == MediaKind.Svg)
        {
            // What is stored (and served) is the cleaned document, never the uploaded one.
            var cleaned = await SanitizeSvgAsync(upload.Content, cancellationToken);
            if (!cleaned.Succeeded)
            {
                return MediaUploadResult.Fail(cleaned.Error!);
            }

            content = new MemoryStream(cleaned.Svg!, writable: false);
            length = cleaned.Svg!.Length;
            notice = cleaned.RemovedSummary is { } summary ? "Le fichier SVG a été nettoyé, " + summary + "." : null;
        }

        var name = MediaPath.UniqueName(MediaPath.NormalizeFileBase(upload.FileName), MediaKinds.ExtensionOf(kind)!, n => store.FileExists(MediaPath.Combine(upload.Folder, n)));
        var path = MediaPath.Combine(upload.Folder, name);
        await store.SaveAsync(path, content, cancellationToken);

        var size = MediaKinds.IsImage(kind) ? images.ReadSize(store.Resolve(path)!) : null;
        var file = new MediaFile
        {
            Path = path,
            Folder = upload.Folder,
            FileName = name,
            ContentType = MediaKinds.ContentTypeOf(kind)!,
            Length = length,
            Width = size?.Width,
            Height = size?.Height,
            Alt = Limit(alt, 500),
            Title = string.IsNullOrWhiteSpace(upload.Title) ? null : Limit(upload.Title.Trim(), 200),
            UploadedBy = upload.UploadedBy,
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.MediaFiles.Add(file);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // No metadata, no file: an orphan on disk would be served without alt text.
            store.DeleteFile(path);
            throw;
        }

        await AuditAsync(AuditActions.MediaUploaded, path, $"{file.ContentType}, {FormatSize(file.Length)}" + (notice is null ? "" : " ; " + notice), cancellationToken);
        return new MediaUploadResult(file, null, notice);
    }

    private async Task<SvgSanitizeResult> SanitizeSvgAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return svg.Sanitize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public async Task<string?> UpdateAsync(string path, string? alt, string? title, CancellationToken cancellationToken)
    {
        var file = await db.MediaFiles.FirstOrDefaultAsync(f => f.Path == path, cancellationToken);
        if (file is null)
        {
            return "Ce média n'existe pas.";
        }

        alt = alt?.Trim() ?? "";
        if (file.IsImage && alt.Length == 0)
        {
            return "Le texte alternatif est obligatoire pour une image.";
        }

        file.Alt = Limit(alt, 500);
        file.Title = string.IsNullOrWhiteSpace(title) ? null : Limit(title.Trim(), 200);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(AuditActions.MediaUpdated, path, "Texte alternatif : " + file.Alt, cancellationToken);
        return null;
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var deleted = await db.MediaFiles.Where(f => f.Path == path).ExecuteDeleteAsync(cancellationToken);
        store.DeleteFile(path);
        variants.Remove(path);
        if (deleted > 0)
        {
            await AuditAsync(AuditActions.MediaDeleted, path, null, cancellationToken);
        }
    }

    public string? CreateFolder(string parent, string? name, out string created)
    {
        created = "";
        var folderName = MediaPath.NormalizeFolderName(name);
        if (folderName.Length == 0)
        {
            return "Donnez un nom au dossier (lettres ou chiffres).";
        }

        if (!store.FolderExists(parent))
        {
            return "Le dossier parent n'existe pas.";
        }

        created = MediaPath.Combine(parent, folderName);
        if (created.Count(c => c == '/') >= MediaPath.MaxDepth)
        {
            return "Trop de dossiers imbriqués.";
        }

        if (store.FolderExists(created))
        {
            return $"Le dossier « {folderName} » existe déjà.";
        }

        store.CreateFolder(created);
        return null;
    }

    public async Task<string?> DeleteFolderAsync(string folder, CancellationToken cancellationToken)
    {
        if (folder.Length == 0)
        {
            return "La racine de la médiathèque ne peut pas être supprimée.";
        }

        var prefix = folder + "/";
        if (await db.MediaFiles.AnyAsync(f => f.Folder == folder || f.Folder.StartsWith(prefix), cancellationToken))
        {
            return "Ce dossier n'est pas vide : supprimez d'abord ses fichiers.";
        }

        return store.DeleteEmptyFolder(folder) ? null : "Ce dossier n'est pas vide ou n'existe pas.";
    }

    public async Task<(IReadOnlyList<MediaFile> Items, int Total)> SearchAsync(
        string? query, string? folder, IReadOnlyCollection<string>? contentTypes, int page, int pageSize, CancellationToken cancellationToken)
    {
        var files = db.MediaFiles.AsNoTracking();
        if (contentTypes is not null)
        {
            files = files.Where(f => contentTypes.Contains(f.ContentType));
        }

        if (!string.IsNullOrEmpty(folder))
        {
            files = files.Where(f => f.Folder == folder);
        }

        if (!string.IsNullOrWhiteSpace(query))
        {
            // Lower-cased on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not.
            var pattern = "%" + query.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            files = files.Where(f => EF.Functions.Like(f.FileName.ToLower(), pattern, "\\")
                || EF.Functions.Like(f.Alt.ToLower(), pattern, "\\")
                || (f.Title != null && EF.Functions.Like(f.Title.ToLower(), pattern, "\\")));
        }

        var total = await files.CountAsync(cancellationToken);
        var items = await files.OrderByDescending(f => f.UploadedUtc).ThenBy(f => f.Path)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// A media event: the item is the file's path, its title the file name. Every change of a file
    /// (added, described, removed) also changes the pages that show it: their cached copies go.
    /// </summary>
    private async Task AuditAsync(string action, string path, string? details, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(auditEvents.Create(AuditCategories.Media, action, path, MediaPath.NameOf(path), details), cancellationToken);
        await changes.ChangedAsync(cancellationToken);
    }

    public static string FormatSize(long bytes) => Core.Text.FileSizes.InFrench(bytes);

    private static string Limit(string text, int max) => text.Length > max ? text[..max] : text;
}
