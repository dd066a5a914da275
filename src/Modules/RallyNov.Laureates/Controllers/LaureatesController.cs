using Microsoft.AspNetCore.Mvc;
using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Laureates.Models;

namespace RallyNov.Laureates.Controllers;

public sealed class LaureatesController(IPublishedContentReader reader, IContentManager contents) : Controller
{
    [HttpGet("/laureats")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var all = await reader.AllAsync(LaureateFields.Type, cancellationToken);
        var initiatives = await contents.GetManyAsync(all.SelectMany(l => l.GetStrings(LaureateFields.Initiative)), VersionOptions.Published, cancellationToken);
        return View(new LaureateListViewModel { Years = LaureateGrouping.ByYear(all), Initiatives = initiatives });
    }

    [HttpGet("/laureats/{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var item = await contents.GetBySlugAsync(slug.ToLowerInvariant(), VersionOptions.Published, cancellationToken);
        if (item is null || item.ContentType != LaureateFields.Type)
        {
            return NotFound();
        }

        var initiativeId = item.GetFirst(LaureateFields.Initiative);
        var initiative = initiativeId is null ? null : await contents.GetAsync(initiativeId, VersionOptions.Published, cancellationToken);
        var year = item.GetInt(LaureateFields.PrizeYear);
        var all = await reader.AllAsync(LaureateFields.Type, cancellationToken);
        return View(new LaureateDetailViewModel
        {
            Item = item,
            Initiative = initiative,
            SameYear = all.Where(l => l.ContentItemId != item.ContentItemId && l.GetInt(LaureateFields.PrizeYear) == year).OrderBy(l => l.DisplayText, StringComparer.Ordinal).ToList(),
        });
    }
}
