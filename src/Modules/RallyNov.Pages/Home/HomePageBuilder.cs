using RallyNov.Contents.Home;
using RallyNov.Core.Modules;
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
    ITaxonomyService taxonomies)
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
        return tenants.All
            .Where(t => !t.IsDefault && t.State == TenantState.Running && TenantResolver.NormalizePrefix(t.UrlPrefix).Length > 0)
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

    // "rally'nov Bourgogne" ends with "Bourgogne"; "…Bourgogne-Franche-Comté" does not end with " Bourgogne".
    private static bool EndsWithRegion(string displayName, string region) =>
        displayName.EndsWith(" " + region, StringComparison.OrdinalIgnoreCase);
}
