using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Settings;
using RallyNov.Pages.Home;
using RallyNov.Pages.Models;

namespace RallyNov.Pages.Controllers;

/// <param name="home">Module sections and territories; optional so the page still renders (pages only) without it.</param>
public sealed class HomeController(IContentManager contents, ISiteIdentityService identities, HomePageBuilder? home = null) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var identity = await identities.GetAsync(cancellationToken);
        var pages = await contents.QueryAsync(
            new ContentQuery { ContentTypes = [PagesModule.PageType], Status = ContentStatus.Published, Order = ContentOrder.TitleAscending, PageSize = 50 },
            cancellationToken);
        return View(new HomeViewModel
        {
            SiteName = identity.DisplayName,
            Tagline = identity.Tagline,
            HeroImage = identity.HeroImagePath,
            Pages = pages.Items,
            Sections = home is null ? [] : await home.SectionsAsync(cancellationToken),
            Territories = home is null ? [] : await home.TerritoriesAsync(cancellationToken),
        });
    }
}
