using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RallyNov.Core.Security;
using RallyNov.Media.Services;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Admin;

/// <summary>The media library screens: browse folders, upload, edit the alt text, delete.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ManageMedia)]
public sealed class MediaController(IMediaLibrary library, IMediaStore store, IMediaUsageFinder usages, IOptions<MediaOptions> options) : Controller
{
    [HttpGet("/admin/media")]
    public async Task<IActionResult> Index(string? folder, CancellationToken cancellationToken)
    {
        if (!MediaPath.TryParseFolder(folder, out var parsed) || (parsed.Length > 0 && !store.FolderExists(parsed)))
        {
            return NotFound();
        }

        var listing = await library.ListAsync(parsed, cancellationToken);
        return View(new MediaIndexViewModel(listing, options.Value.MaxUploadBytes));
    }

    /// <summary>
    /// One or several files from the upload form (without JavaScript: one alt text for every image
    /// sent together). Asked for JSON (the page's script sends one file per request, with its own
    /// alt text, to show a progress bar and a result per file), it answers the stored file or the
    /// French reason as JSON, 400 for a refusal. <paramref name="kinds"/> ("images", "images,svg")
    /// narrows what is accepted, for an image field of the content editor.
    /// </summary>
    [HttpPost("/admin/media/upload")]
    [MediaUploadLimit]
    public async Task<IActionResult> Upload(string? folder, List<IFormFile>? file, string? alt, string? title, string? kinds, CancellationToken cancellationToken)
    {
        var json = MediaUploadResponses.WantsJson(Request);
        if (!MediaPath.TryParseFolder(folder, out var parsed))
        {
            return json ? MediaUploadResponses.Refused("Dossier invalide.") : Back("", error: "Dossier invalide.");
        }

        var files = file?.Where(f => f is not null).ToList() ?? [];
        if (files.Count == 0 || files.All(f => f.Length == 0))
        {
            var error = files.Count == 0 ? "Choisissez un fichier à envoyer." : "Le fichier est vide.";
            return json ? MediaUploadResponses.Refused(error) : Back(parsed, error: error);
        }

        var accept = MediaKinds.Parse(kinds);
        var stored = new List<MediaUploadResult>();
        var errors = new List<string>();
        foreach (var one in files)
        {
            // IFormFile's stream is buffered by the form reader, so the library may rewind it after sniffing.
            await using var content = one.OpenReadStream();
            var result = await library.UploadAsync(new MediaUpload(parsed, one.FileName, content, one.Length, alt, title, User.Identity?.Name, accept), cancellationToken);
            if (json)
            {
                return result.Succeeded ? Json(MediaUploadResponses.Stored(Url, result)) : MediaUploadResponses.Refused(result.Error!);
            }

            if (result.Succeeded)
            {
                stored.Add(result);
            }
            else
            {
                errors.Add(files.Count == 1 ? result.Error! : $"« {Path.GetFileName(one.FileName)} » : {result.Error}");
            }
        }

        return Back(parsed, MediaUploadResponses.Summary(stored), errors.Count == 0 ? null : string.Join(" ", errors));
    }

    [HttpPost("/admin/media/folders")]
    public IActionResult CreateFolder(string? parent, string? name)
    {
        if (!MediaPath.TryParseFolder(parent, out var parsed))
        {
            TempData["Error"] = "Dossier invalide.";
            return BackTo("");
        }

        var error = library.CreateFolder(parsed, name, out var created);
        if (error is not null)
        {
            TempData["Error"] = error;
            return BackTo(parsed);
        }

        TempData["Message"] = "Dossier créé.";
        return BackTo(created);
    }

    [HttpPost("/admin/media/folders/delete")]
    public async Task<IActionResult> DeleteFolder(string? folder, CancellationToken cancellationToken)
    {
        if (!MediaPath.TryParseFolder(folder, out var parsed) || parsed.Length == 0)
        {
            TempData["Error"] = "Dossier invalide.";
            return BackTo("");
        }

        var error = await library.DeleteFolderAsync(parsed, cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? "Dossier supprimé.";
        return BackTo(error is null ? MediaPath.FolderOf(parsed) : parsed);
    }

    [HttpGet("/admin/media/edit")]
    public async Task<IActionResult> Edit(string? path, CancellationToken cancellationToken)
    {
        var file = MediaPath.TryParseFile(path, out var parsed) ? await library.GetAsync(parsed, cancellationToken) : null;
        return file is null ? NotFound() : View(new MediaEditViewModel(file, null));
    }

    [HttpPost("/admin/media/edit")]
    public async Task<IActionResult> Edit(string? path, string? alt, string? title, CancellationToken cancellationToken)
    {
        var file = MediaPath.TryParseFile(path, out var parsed) ? await library.GetAsync(parsed, cancellationToken) : null;
        if (file is null)
        {
            return NotFound();
        }

        var error = await library.UpdateAsync(parsed, alt, title, cancellationToken);
        if (error is not null)
        {
            file.Alt = alt ?? "";
            file.Title = title;
            return View(new MediaEditViewModel(file, error));
        }

        TempData["Message"] = "Média enregistré.";
        return BackTo(file.Folder);
    }

    [HttpGet("/admin/media/delete")]
    public async Task<IActionResult> Delete(string? path, CancellationToken cancellationToken)
    {
        var file = MediaPath.TryParseFile(path, out var parsed) ? await library.GetAsync(parsed, cancellationToken) : null;
        return file is null ? NotFound() : View(new MediaDeleteViewModel(file, await usages.FindAsync(parsed, cancellationToken)));
    }

    /// <summary>Deletes at once when nothing uses the file; otherwise shows the items and asks for confirmation.</summary>
    [HttpPost("/admin/media/delete")]
    public async Task<IActionResult> Delete(string? path, bool confirmed, CancellationToken cancellationToken)
    {
        var file = MediaPath.TryParseFile(path, out var parsed) ? await library.GetAsync(parsed, cancellationToken) : null;
        if (file is null)
        {
            return NotFound();
        }

        var used = await usages.FindAsync(parsed, cancellationToken);
        if (used.Count > 0 && !confirmed)
        {
            return View(new MediaDeleteViewModel(file, used));
        }

        await library.DeleteAsync(parsed, cancellationToken);
        TempData["Message"] = $"« {file.FileName} » a été supprimé.";
        return BackTo(file.Folder);
    }

    private IActionResult Back(string folder, string? message = null, string? error = null)
    {
        if (message is not null)
        {
            TempData["Message"] = message;
        }

        if (error is not null)
        {
            TempData["Error"] = error;
        }

        return BackTo(folder);
    }

    private IActionResult BackTo(string folder) =>
        LocalRedirect(Url.Content("~/admin/media") + (folder.Length == 0 ? "" : "?folder=" + Uri.EscapeDataString(folder)));
}
