using Microsoft.AspNetCore.Mvc;
using RallyNov.Contents.Querying;
using RallyNov.Pages.SiteMap;

namespace RallyNov.Pages.Controllers;

/// <param name="siteMap">Generates the « Plan du site » page; optional so plain pages render without it.</param>
public sealed class PageController(IPublishedItems items, SiteMapBuilder? siteMap = null) : Controller
{
    [HttpGet("/pages/{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var page = await items.BySlugAsync(slug.ToLowerInvariant(), cancellationToken);
        if (page is null || page.ContentType != PagesModule.PageType)
        {
            return NotFound();
        }

        // The site map page keeps its editable title and introduction; the map itself is generated.
        if (page.Slug == SiteMapBuilder.Slug && siteMap is not null)
        {
            ViewData["SiteMap"] = await siteMap.BuildAsync(cancellationToken);
        }

        return View(page);
    }
}
