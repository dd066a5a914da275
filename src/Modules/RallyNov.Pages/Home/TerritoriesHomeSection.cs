using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents.Home;
using RallyNov.Core.Content;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;
using RallyNov.Pages.Models;

namespace RallyNov.Pages.Home;

/// <summary>
/// On the portal (the default tenant): every other running tenant with a URL prefix, with the
/// départements of its former region (read from the départements vocabulary), what it publishes
/// and its home picture.
/// </summary>
internal sealed class TerritoriesHomeSection(
    TenantContext tenant,
    ModuleCatalog catalog,
    ITenantStore tenants,
    ITaxonomyService taxonomies,
    ITenantScopeFactory scopes,
    IEnumerable<SiteSection> siteSections) : IHomeSection
{
    public string Key => "territoires";

    public string Label => "Les territoires du réseau";

    public string ModuleId => PagesModule.ModuleId;

    /// <summary>Before the key figures, as the portal's first answer to « where? ».</summary>
    public int Order => 5;

    public bool IsOffered(TenantSettings settings) => settings.IsDefault;

    public async Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken)
    {
        if (!tenant.Settings.IsDefault)
        {
            return null;
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

        return links.Count == 0 ? null : new HomeSectionView("/Views/Home/_Territories.cshtml", links);
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
