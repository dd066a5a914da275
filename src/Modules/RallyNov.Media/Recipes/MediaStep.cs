using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Recipes;
using RallyNov.Media.Data;
using RallyNov.Media.Services;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Recipes;

/// <summary>
/// "media": the library's files with their alternative texts and titles.
/// { "name": "media", "files": [ { "path": "logos/rallynov.png", "alt": "...", "title": "...", "uploadedBy": "admin" } ] }
/// In a tenant package (.zip) the bytes travel too, as "media/{path}": an import stores each file
/// through the library (type checked by its bytes, size limit, alt text required), so a package is
/// trusted no more than an upload. A listed file already in the library only gets its texts
/// updated; one that is neither there nor in the package is skipped (a plain JSON export has no bytes).
/// </summary>
internal sealed class MediaStep(IMediaLibrary library, IMediaStore store, MediaDbContext db, RecipeAttachments attachments) : IRecipeStepHandler, IRecipeExportStep
{
    public const string FilesFolder = "media/";

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
            var raw = node?["path"]?.GetValue<string>();
            if (node is not JsonObject file || !MediaPath.TryParseFile(raw, out var path))
            {
                throw context.Fail("chemin de média invalide.", raw);
            }

            var alt = file["alt"]?.GetValue<string>();
            var title = file["title"]?.GetValue<string>();
            var existing = await library.GetAsync(path, cancellationToken);
            if (existing is not null)
            {
                if ((alt is not null && alt != existing.Alt) || title != existing.Title)
                {
                    var error = await library.UpdateAsync(path, alt ?? existing.Alt, title, cancellationToken);
                    if (error is not null)
                    {
                        throw context.Fail(error, path);
                    }
                }

                continue;
            }

            if (attachments.Source is null)
            {
                continue;
            }

            await using var content = await attachments.Source.OpenAsync(FilesFolder + path, cancellationToken);
            if (content is null)
            {
                throw context.Fail("le fichier manque dans le paquet.", path);
            }

            EnsureFolder(MediaPath.FolderOf(path));
            var result = await library.UploadAsync(
                new MediaUpload(MediaPath.FolderOf(path), MediaPath.NameOf(path), content, content.Length, alt, title, file["uploadedBy"]?.GetValue<string>()),
                cancellationToken);
            if (!result.Succeeded)
            {
                throw context.Fail(result.Error!, path);
            }

            if (result.File!.Path != path)
            {
                // Content points at the original path: a renamed copy would leave broken images.
                throw context.Fail($"le fichier serait enregistré sous « {result.File.Path} » : son nom ou son extension ne correspond pas à son contenu.", path);
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
}
