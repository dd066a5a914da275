using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Recipes;
using RallyNov.Media.Data;
using RallyNov.Media.Services;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Recipes;

/// <summary>
/// "media": files of the media library with their alternative texts and titles.
/// { "name": "media", "files": [ { "path": "illustrations/emploi.webp", "alt": "…", "title": "…",
/// "source": "media/emploi.svg", "width": 1600, "uploadedBy": "admin" } ] }. Where the bytes come from:
/// <list type="bullet">
/// <item>"source": a file beside the recipe. One in SVG (the sample illustrations are drawn as SVG by
/// tools/illustrations/generate.py) is rendered once to the format of "path" (.png, .webp, .jpg) at
/// "width" pixels: the library itself never accepts SVG.</item>
/// <item>otherwise a tenant package (.zip) holds them as "media/{path}" (<see cref="RecipeAttachments"/>);
/// an export writes them there.</item>
/// </list>
/// Every file goes through the library (type read from its bytes, size limit, alt text required), so a
/// package is trusted no more than an upload. A file already at its path only gets its texts updated,
/// so running the recipe again changes nothing; a listed file with no bytes anywhere (a plain JSON
/// export) is skipped.
/// </summary>
internal sealed class MediaStep(IMediaLibrary library, IMediaStore store, MediaDbContext db, RecipeAttachments attachments) : IRecipeStepHandler, IRecipeExportStep
{
    public const string FilesFolder = "media/";

    // Rendering is the slow part and the three sample tenants share most pictures: once per process.
    private static readonly ConcurrentDictionary<string, byte[]> Rendered = new(StringComparer.Ordinal);

    public string Name => "media";

    // Before content, whose items point at media.
    public int Order => 3;

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step["files"] is not JsonArray files)
        {
            throw context.Fail("la liste « files » manque.");
        }

        foreach (var node in files)
        {
            var file = node as JsonObject ?? throw context.Fail("chaque fichier doit être un objet JSON.");
            var path = Text(file, "path");
            if (path is null || !MediaPath.TryParseFile(path, out var target))
            {
                throw context.Fail("« path » manque ou n'est pas un chemin de médiathèque (minuscules, chiffres, tirets).", path);
            }

            var alt = Text(file, "alt");
            var title = Text(file, "title");
            if (await library.GetAsync(target, cancellationToken) is { } existing)
            {
                if ((alt is not null && alt != existing.Alt) || (title is not null && title != existing.Title))
                {
                    var error = await library.UpdateAsync(target, alt ?? existing.Alt, title ?? existing.Title, cancellationToken);
                    if (error is not null)
                    {
                        throw context.Fail(error, path);
                    }
                }

                continue;
            }

            var bytes = await BytesAsync(context, file, path, target, cancellationToken);
            if (bytes is null)
            {
                continue;
            }

            if (alt is null)
            {
                throw context.Fail("« alt » manque : une image a besoin d'un texte alternatif.", path);
            }

            EnsureFolder(MediaPath.FolderOf(target));
            using var content = new MemoryStream(bytes, writable: false);
            var result = await library.UploadAsync(
                new MediaUpload(MediaPath.FolderOf(target), MediaPath.NameOf(target), content, bytes.Length, alt, title, Text(file, "uploadedBy") ?? "système"),
                cancellationToken);
            if (result.File is null || !string.Equals(result.File.Path, target, StringComparison.Ordinal))
            {
                // Content points at the original path: a renamed copy would leave broken images.
                throw context.Fail(result.Error ?? $"le fichier a été enregistré sous « {result.File?.Path} » : son nom ou son extension ne correspond pas à son contenu.", path);
            }
        }
    }

    public async Task<JsonObject?> ExportAsync(CancellationToken cancellationToken)
    {
        var files = await db.MediaFiles.AsNoTracking().OrderBy(f => f.Path).ToListAsync(cancellationToken);
        if (files.Count == 0)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var file in files)
        {
            array.Add(new JsonObject
            {
                ["path"] = file.Path,
                ["alt"] = file.Alt,
                ["title"] = file.Title,
                ["uploadedBy"] = file.UploadedBy,
            });
            if (attachments.Sink is not null && store.Resolve(file.Path) is { } full && File.Exists(full))
            {
                await using var stream = File.OpenRead(full);
                await attachments.Sink.AddAsync(FilesFolder + file.Path, stream, cancellationToken);
            }
        }

        return new JsonObject { ["name"] = Name, ["files"] = array };
    }

    /// <summary>The file's bytes from its "source" beside the recipe, else from the package; null when neither has them.</summary>
    private async Task<byte[]?> BytesAsync(RecipeStepContext context, JsonObject file, string path, string target, CancellationToken cancellationToken)
    {
        if (Text(file, "source") is { } source)
        {
            return Read(context, path, source, file["width"] is JsonValue w && w.TryGetValue<int>(out var width) ? width : 1600);
        }

        if (attachments.Source is null)
        {
            return null;
        }

        await using var packaged = await attachments.Source.OpenAsync(FilesFolder + target, cancellationToken)
            ?? throw context.Fail("le fichier manque dans le paquet.", path);
        using var copy = new MemoryStream();
        await packaged.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private void EnsureFolder(string folder)
    {
        var current = "";
        foreach (var segment in folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = MediaPath.Combine(current, segment);
            if (!store.FolderExists(current))
            {
                store.CreateFolder(current);
            }
        }
    }

    private static byte[] Read(RecipeStepContext context, string path, string source, int width)
    {
        if (context.Directory is null)
        {
            throw context.Fail("cette recette n'a pas de dossier : ses fichiers sources sont introuvables.", path);
        }

        var full = Path.GetFullPath(Path.Combine(context.Directory, source));
        if (!full.StartsWith(Path.GetFullPath(context.Directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            throw context.Fail($"fichier source « {source} » introuvable à côté de la recette.", path);
        }

        var bytes = File.ReadAllBytes(full);
        if (!full.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return bytes;
        }

        var format = Path.GetExtension(path).ToLowerInvariant();
        var key = Convert.ToHexString(SHA256.HashData(bytes)) + "|" + width + "|" + format;
        return Rendered.GetOrAdd(key, _ =>
        {
            try
            {
                using var image = NetVips.Image.ThumbnailBuffer(bytes, width);
                return format switch
                {
                    ".webp" => image.WebpsaveBuffer(q: 82, effort: 4),
                    ".jpg" or ".jpeg" => image.JpegsaveBuffer(q: 85),
                    _ => image.PngsaveBuffer(compression: 9, palette: true),
                };
            }
            catch (Exception ex) when (ex is NetVips.VipsException or TypeInitializationException or DllNotFoundException)
            {
                throw context.Fail($"l'illustration « {source} » n'a pas pu être dessinée ({ex.Message}).", path);
            }
        });
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
