using Microsoft.AspNetCore.Mvc;
using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Pages.Home;
using RallyNov.Pages.Models;

namespace RallyNov.Pages.Controllers;

public sealed class NewsController(IPublishedViews views, IPublishedItems items) : Controller
{
    public const int PageSize = 10;

    [HttpGet("/actualites")]
    public async Task<IActionResult> Index([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var all = await NewsCard.NewestAsync(views, cancellationToken);
        var current = Math.Max(1, page ?? 1);
        var pageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        if (current > pageCount)
        {
            return NotFound();
        }

        var baseUrl = Url.Content("~/actualites");
        return View(new NewsListViewModel
        {
            Items = all.Skip((current - 1) * PageSize).Take(PageSize).ToList(),
            Pager = new PagerModel(current, pageCount, all.Count, p => p == 1 ? baseUrl : $"{baseUrl}?page={p}"),
        });
    }

    [HttpGet("/actualites/{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var item = await items.BySlugAsync(slug.ToLowerInvariant(), cancellationToken);
        return item is null || item.ContentType != PagesModule.NewsType ? NotFound() : View(item);
    }
}
