using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Settings;
using RallyNov.Core.Tenants;
using RallyNov.Pages.Models;

namespace RallyNov.Pages.Controllers;

public sealed class HomeController(IContentManager contents, ISiteSettingsService settings, TenantContext tenant) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync("site", cancellationToken);
        var pages = await contents.QueryAsync(
            new ContentQuery { ContentTypes = [PagesModule.PageType], Status = ContentStatus.Published, Order = ContentOrder.TitleAscending, PageSize = 50 },
            cancellationToken);
        return View(new HomeViewModel
        {
            SiteName = tenant.Settings.DisplayName,
            Tagline = site["tagline"]?.GetValue<string>(),
            Pages = pages.Items,
        });
    }
}
