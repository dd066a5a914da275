using Microsoft.AspNetCore.Mvc;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Partners.Models;
using RallyNov.Taxonomies;

namespace RallyNov.Partners.Controllers;

public sealed class PartnersController(IPublishedContentReader reader, IContentManager contents, ITermNames terms) : Controller
{
    [HttpGet("/partenaires")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var all = await reader.AllAsync(PartnerFields.Type, cancellationToken);
        var kinds = await terms.TermsAsync(Vocabularies.PartnerKinds, cancellationToken);
        return View(PartnerGrouping.ByKind(all, kinds));
    }

    [HttpGet("/partenaires/{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var item = await contents.GetBySlugAsync(slug.ToLowerInvariant(), VersionOptions.Published, cancellationToken);
        return item is null || item.ContentType != PartnerFields.Type ? NotFound() : View(item);
    }
}
