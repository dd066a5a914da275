using Microsoft.AspNetCore.Mvc;
using RallyNov.Contents.Home;
using RallyNov.Core.Content;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;
using RallyNov.Pages.Models;

namespace RallyNov.Pages.Controllers;

public sealed class HomeController(
    IContentManager contents,
    ISiteSettingsService settings,
    TenantContext tenant,
    ModuleCatalog catalog,
    IEnumerable<IHomeSection> sections,
    ITenantStore tenants,
    ITaxonomyService taxonomies) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync("site", cancellationToken);
        var pages = await contents.QueryAsync(
            new ContentQuery { ContentTypes = [PagesModule.PageType], Status = ContentStatus.Published, Order = ContentOrder.TitleAscending, PageSize = 50 },
            cancellationToken);

        // Sections of disabled modules are skipped; the others decide themselves whether they have something to show.
        var views = new List<HomeSectionView>();
        foreach (var section in sections.Where(s => catalog.IsEnabled(tenant.Settings, s.ModuleId)).OrderBy(s => s.Order))
        {
            if (await section.BuildAsync(cancellationToken) is { } view)
            {
                views.Add(view);
            }
        }

        return View(new HomeViewModel
        {
            SiteName = tenant.Settings.DisplayName,
            Tagline = site["tagline"]?.GetValue<string>(),
            Pages = pages.Items,
            Sections = views,
            Territories = tenant.Settings.Name == TenantNames.Default ? await TerritoriesAsync(cancellationToken) : [],
        });
    }

    /// <summary>
    /// The portal presents the territorial sites: every other running tenant with a URL prefix,
    /// with the départements of its former region (from the départements vocabulary).
    /// </summary>
    private async Task<IReadOnlyList<TerritoryLink>> TerritoriesAsync(CancellationToken cancellationToken)
    {
        var departements = (await taxonomies.GetAsync("departements", cancellationToken))?.Terms ?? [];
        return tenants.All
            .Where(t => t.Name != tenant.Settings.Name && t.State == TenantState.Running && !string.IsNullOrEmpty(TenantResolver.NormalizePrefix(t.UrlPrefix)))
            .OrderBy(t => t.DisplayName, StringComparer.Ordinal)
            .Select(t => new TerritoryLink(
                t.DisplayName,
                "/" + TenantResolver.NormalizePrefix(t.UrlPrefix) + "/",
                departements
                    .Where(d => d.Data["region"]?.GetValue<string>() is { Length: > 0 } region && EndsWithRegion(t.DisplayName, region))
                    .OrderBy(d => d.Order)
                    .Select(d => $"{d.Name} ({d.Slug})")
                    .ToList()))
            .ToList();
    }

    // "rally'nov Bourgogne" ends with "Bourgogne"; the portal ("...Bourgogne-Franche-Comté") is never listed here.
    private static bool EndsWithRegion(string displayName, string region) => displayName.EndsWith(" " + region, StringComparison.OrdinalIgnoreCase);
}
