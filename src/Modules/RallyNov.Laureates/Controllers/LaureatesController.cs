using Microsoft.AspNetCore.Mvc;
using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Laureates.Models;

namespace RallyNov.Laureates.Controllers;

public sealed class LaureatesController(IPublishedViews views, IContentManager contents, IPublishedItems items) : Controller
{
    [HttpGet("/laureats")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await LaureateCatalog.GetAsync(views, contents, cancellationToken));

    [HttpGet("/laureats/{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var item = await items.BySlugAsync(slug.ToLowerInvariant(), cancellationToken);
        if (item is null || item.ContentType != LaureateFields.Type)
        {
            return NotFound();
        }

        var initiativeId = item.GetFirst(LaureateFields.Initiative);
        var initiative = initiativeId is null ? null : (await items.ByIdsAsync([initiativeId], cancellationToken)).GetValueOrDefault(initiativeId);
        var year = item.GetInt(LaureateFields.PrizeYear);
        var catalog = await LaureateCatalog.GetAsync(views, contents, cancellationToken);
        return View(new LaureateDetailViewModel
        {
            Item = item,
            Initiative = initiative,
            SameYear = catalog.Years.Where(y => y.Year == (year ?? 0)).SelectMany(y => y.Laureates).Where(l => l.ContentItemId != item.ContentItemId).ToList(),
        });
    }
}
