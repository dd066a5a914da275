using RallyNov.Contents.Home;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;
using RallyNov.Pages.Models;

namespace RallyNov.Pages.Home;

/// <summary>
/// Gathers what the home page shows besides the pages: the sections contributed by the enabled
/// modules and, on the portal, the territorial sites.
/// </summary>
public sealed class HomePageBuilder(
    TenantContext tenant,
    ModuleCatalog catalog,
    IEnumerable<IHomeSection> sections,
    ITenantStore tenants,
    ITaxonomyService taxonomies,
    ITenantScopeFactory scopes,
    IEnumerable<SiteSection> siteSections)
{
    /// <summary>Sections of disabled modules are skipped; the others decide themselves whether they have something to show.</summary>
    public async Task<IReadOnlyList<HomeSectionView>> SectionsAsync(CancellationToken cancellationToken)
    {
        var views = new List<HomeSectionView>();
        foreach (var section in sections.Where(s => catalog.IsEnabled(tenant.Settings, s.ModuleId)).OrderBy(s => s.Order))
        {
            if (await section.BuildAsync(cancellationToken) is { } view)
            {
                views.Add(view);
            }
        }

        return views;
    }

    /// <summary>
    /// On the portal (the default tenant): every other running tenant with a URL prefix, with the
    /// départements of its former region, read from the départements vocabulary.
    /// </summary>
    public async Task<IReadOnlyList<TerritoryLink>> TerritoriesAsync(CancellationToken cancellationToken)
    {
        if (!tenant.Settings.IsDefault)
        {
            return [];
        }

        var departements = (await taxonomies.GetAsync("departements", cancellationToken))?.Terms ?? [];
        var links = new List<TerritoryLink>();
        foreach (var t in tenants.All
            .Where(t => !t.IsDefault && t.State == TenantState.Running && TenantResolver.NormalizePrefix(t.UrlPrefix).Length > 0)
            .OrderBy(t => t.DisplayName, StringComparer.Ordinal))
        {
            var prefix = "/" + TenantResolver.NormalizePrefix(t.UrlPrefix);
            var (counts, image) = await CountsAsync(t, cancellationToken);
            links.Add(new TerritoryLink(
                t.DisplayName,
                prefix + "/",
                departements
                    .Where(d => d.Data["region"]?.GetValue<string>() is { Length: > 0 } region && EndsWithRegion(t.DisplayName, region))
                    .OrderBy(d => d.Order)
                    .Select(d => $"{d.Name} ({d.Slug})")
                    .ToList())
            {
                Counts = counts,
                ImageUrl = image is null ? null : prefix + "/media/" + image,
            });
        }

        return links;
    }

    /// <summary>What a territory publishes, section by section (from its own database), and its home picture.</summary>
    private async Task<(IReadOnlyList<TerritoryCount> Counts, string? Image)> CountsAsync(TenantSettings territory, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateScope(territory);
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var identity = await scope.ServiceProvider.GetRequiredService<ISiteIdentityService>().GetAsync(cancellationToken);
            var enabled = catalog.EnabledFor(territory);
            var counts = new List<TerritoryCount>();
            foreach (var section in siteSections.Where(s => enabled.Contains(s.ModuleId) && s.ContentTypes.Count > 0 && s.Key != "actualites").OrderBy(s => s.Order))
            {
                var page = await contents.QueryAsync(new ContentQuery { ContentTypes = section.ContentTypes, Status = ContentStatus.Published, PageSize = 1 }, cancellationToken);
                if (page.Total > 0)
                {
                    counts.Add(new TerritoryCount(page.Total, section.Label.ToLowerInvariant(), section.Path));
                }
            }

            return (counts, identity.HeroImagePath);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A territory whose database cannot be read still gets its link, without figures.
            return ([], null);
        }
    }

    // "rally'nov Bourgogne" ends with "Bourgogne"; "…Bourgogne-Franche-Comté" does not end with " Bourgogne".
    private static bool EndsWithRegion(string displayName, string region) =>
        displayName.EndsWith(" " + region, StringComparison.OrdinalIgnoreCase);
}
