using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using RallyNov.Core.Recipes;
using RallyNov.Media.Services;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Recipes;

/// <summary>
/// "media": files shipped beside the recipe, put into the tenant's media library.
/// { "name": "media", "files": [ { "path": "illustrations/emploi.webp", "source": "media/emploi.svg",
/// "alt": "…", "width": 1600 } ] }. A source in SVG (the sample illustrations are drawn as SVG by
/// tools/illustrations/generate.py) is rendered once to the format of "path" (.png, .webp, .jpg) at
/// "width" pixels: the library itself never accepts SVG. A file already at its path is kept as is,
/// so running the recipe again changes nothing.
/// </summary>
internal sealed class MediaStep(IMediaLibrary library, IMediaStore store) : IRecipeStepHandler
{
    // Rendering is the slow part and the three sample tenants share most pictures: once per process.
    private static readonly ConcurrentDictionary<string, byte[]> Rendered = new(StringComparer.Ordinal);

    public string Name => "media";

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

            if (await library.GetAsync(target, cancellationToken) is not null)
            {
                continue;
            }

            var source = Text(file, "source") ?? throw context.Fail("« source » manque.", path);
            var alt = Text(file, "alt") ?? throw context.Fail("« alt » manque : une image a besoin d'un texte alternatif.", path);
            var bytes = Read(context, path, source, file["width"] is JsonValue w && w.TryGetValue<int>(out var width) ? width : 1600);

            var slash = target.LastIndexOf('/');
            var folder = slash < 0 ? "" : target[..slash];
            var segments = folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i <= segments.Length; i++)
            {
                var partial = string.Join('/', segments[..i]);
                if (!store.FolderExists(partial))
                {
                    store.CreateFolder(partial);
                }
            }

            using var content = new MemoryStream(bytes, writable: false);
            var result = await library.UploadAsync(
                new MediaUpload(folder, slash < 0 ? target : target[(slash + 1)..], content, bytes.Length, alt, Text(file, "title"), "système"),
                cancellationToken);
            if (result.File is null || !string.Equals(result.File.Path, target, StringComparison.Ordinal))
            {
                throw context.Fail(result.Error ?? $"le fichier a été enregistré sous « {result.File?.Path} ».", path);
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
