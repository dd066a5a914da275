using Microsoft.AspNetCore.Mvc;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Partners.Models;
using RallyNov.Taxonomies;

namespace RallyNov.Partners.Controllers;

public sealed class PartnersController(IPublishedViews views, ITermNames terms, IPublishedItems items) : Controller
{
    [HttpGet("/partenaires")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PartnerCatalog.GetAsync(views, terms, cancellationToken));

    [HttpGet("/partenaires/{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var item = await items.BySlugAsync(slug.ToLowerInvariant(), cancellationToken);
        return item is null || item.ContentType != PartnerFields.Type ? NotFound() : View(item);
    }
}
