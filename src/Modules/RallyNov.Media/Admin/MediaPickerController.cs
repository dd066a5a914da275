using Microsoft.AspNetCore.Mvc;
using RallyNov.Media.Services;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Admin;

/// <summary>
/// JSON list of media for the content editor's picker. Whoever may open the back office (the Admin
/// area convention demands ViewContent) may pick an existing medium; managing files needs ManageMedia.
/// </summary>
[Area("Admin")]
public sealed class MediaPickerController(IMediaLibrary library, IMediaStore store) : Controller
{
    public const int PageSize = 24;

    /// <summary>
    /// Files matching <paramref name="q"/> (name, alt text, title), in <paramref name="folder"/> when
    /// given (every folder otherwise), newest first; <paramref name="kinds"/> "images" or "images,svg"
    /// keeps only what an image field accepts. <c>folders</c> lists the sub-folders of <paramref name="folder"/>
    /// (of the root when empty) for browsing.
    /// </summary>
    [HttpGet("/admin/media/picker")]
    public async Task<IActionResult> Picker(string? q, string? folder, string? kinds, int page = 1, CancellationToken cancellationToken = default)
    {
        if (!MediaPath.TryParseFolder(folder, out var parsed) || (parsed.Length > 0 && !store.FolderExists(parsed)))
        {
            return BadRequest(new { error = "Dossier invalide." });
        }

        page = Math.Max(page, 1);
        var accept = MediaKinds.Parse(kinds);
        var contentTypes = accept?.Select(k => MediaKinds.ContentTypeOf(k)!).ToList();
        var (items, total) = await library.SearchAsync(q, parsed, contentTypes, page, PageSize, cancellationToken);
        return Json(new
        {
            items = items.Select(f =>
            {
                var kind = MediaKinds.FromContentType(f.ContentType);
                return new
                {
                    path = f.Path,
                    url = MediaUrls.Of(Url, f.Path),
                    thumb = MediaKinds.HasVariants(kind) ? MediaUrls.Of(Url, f.Path, 160) : f.IsImage ? MediaUrls.Of(Url, f.Path) : null,
                    name = f.FileName,
                    folder = f.Folder,
                    isImage = f.IsImage,
                    kind = kind.ToString().ToLowerInvariant(),
                    alt = f.Alt,
                    width = f.Width,
                    height = f.Height,
                };
            }),
            folder = parsed,
            folders = store.ListFolders(parsed).Select(name => new { name, path = MediaPath.Combine(parsed, name) }),
            page,
            pageSize = PageSize,
            total,
        });
    }
}
