using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;

namespace RallyNov.Pages.Controllers;

public sealed class PageController(IContentManager contents) : Controller
{
    [HttpGet("/pages/{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var page = await contents.GetBySlugAsync(slug.ToLowerInvariant(), VersionOptions.Published, cancellationToken);
        if (page is null || page.ContentType != PagesModule.PageType)
        {
            return NotFound();
        }

        return View(page);
    }
}
