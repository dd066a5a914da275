using Microsoft.AspNetCore.Mvc;
using RallyNov.Media.Services;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Admin;

/// <summary>
/// JSON list of media for the content editor's picker. Whoever may open the back office (the Admin
/// area convention demands ViewContent) may pick an existing medium; managing files needs ManageMedia.
/// </summary>
[Area("Admin")]
public sealed class MediaPickerController(IMediaLibrary library) : Controller
{
    public const int PageSize = 24;

    [HttpGet("/admin/media/picker")]
    public async Task<IActionResult> Picker(string? q, string? folder, int page = 1, CancellationToken cancellationToken = default)
    {
        if (!MediaPath.TryParseFolder(folder, out var parsed))
        {
            return BadRequest(new { error = "Dossier invalide." });
        }

        page = Math.Max(page, 1);
        var (items, total) = await library.SearchAsync(q, parsed, page, PageSize, cancellationToken);
        return Json(new
        {
            items = items.Select(f => new
            {
                path = f.Path,
                url = MediaUrls.Of(Url, f.Path),
                name = f.FileName,
                isImage = f.IsImage,
                alt = f.Alt,
            }),
            page,
            total,
        });
    }
}
