using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents.Home;
using RallyNov.Core.Caching;
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
/// and its home picture. Built once and kept in the portal's <see cref="ISiteDataCache"/>: the
/// portal's version moves with any tenant's committed change (a publication, its settings, its
/// vocabularies) and with the tenant list, so the figures are never older than the last change.
/// </summary>
internal sealed class TerritoriesHomeSection(
    TenantContext tenant,
    ModuleCatalog catalog,
    ITenantStore tenants,
    ITaxonomyService taxonomies,
    ITenantScopeFactory scopes,
    IEnumerable<SiteSection> siteSections,
    ISiteDataCache cache) : IHomeSection
{
    private const string CacheKey = "pages:territories";

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

        IReadOnlyList<TerritoryLink> links;
        try
        {
            links = await cache.GetOrCreateAsync(tenant.Settings, CacheKey, LinksAsync, cancellationToken);
        }
        catch (IncompleteException incomplete)
        {
            // A territory could not be read: shown without figures this time, never kept that way.
            links = incomplete.Links;
        }

        return links.Count == 0 ? null : new HomeSectionView("/Views/Home/_Territories.cshtml", links);
    }

    private async Task<IReadOnlyList<TerritoryLink>> LinksAsync(CancellationToken cancellationToken)
    {
        var departements = (await taxonomies.GetAsync("departements", cancellationToken))?.Terms ?? [];
        var links = new List<TerritoryLink>();
        var complete = true;
        foreach (var t in tenants.All
            .Where(t => !t.IsDefault && t.State == TenantState.Running && TenantResolver.NormalizePrefix(t.UrlPrefix).Length > 0)
            .OrderBy(t => t.DisplayName, StringComparer.Ordinal))
        {
            var prefix = "/" + TenantResolver.NormalizePrefix(t.UrlPrefix);
            var (counts, image, read) = await CountsAsync(t, cancellationToken);
            complete &= read;
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

        return complete ? links : throw new IncompleteException(links);
    }

    /// <summary>What a territory publishes, section by section (from its own database), and its home picture.</summary>
    private async Task<(IReadOnlyList<TerritoryCount> Counts, string? Image, bool Read)> CountsAsync(TenantSettings territory, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateScope(territory);
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var identity = await scope.ServiceProvider.GetRequiredService<ISiteIdentityService>().GetAsync(cancellationToken);
            var enabled = catalog.EnabledFor(territory);
            var sections = siteSections.Where(s => enabled.Contains(s.ModuleId) && s.ContentTypes.Count > 0 && s.Key != "actualites").OrderBy(s => s.Order).ToList();

            // One grouped count for every section: a page query per section sorted a territory's
            // 100 000 initiatives to return one of them.
            var published = await contents.CountPublishedAsync(sections.SelectMany(s => s.ContentTypes).ToList(), cancellationToken);
            var counts = new List<TerritoryCount>();
            foreach (var section in sections)
            {
                var total = section.ContentTypes.Distinct(StringComparer.Ordinal).Sum(type => published.GetValueOrDefault(type));
                if (total > 0)
                {
                    counts.Add(new TerritoryCount(total, section.Label.ToLowerInvariant(), section.Path));
                }
            }

            return (counts, identity.HeroImagePath, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A territory whose database cannot be read still gets its link, without figures.
            return ([], null, false);
        }
    }

    /// <summary>Carries the links built without a territory's figures out of the cache, which keeps only complete ones.</summary>
    private sealed class IncompleteException(IReadOnlyList<TerritoryLink> links) : Exception("A territory of the network could not be read.")
    {
        public IReadOnlyList<TerritoryLink> Links { get; } = links;
    }

    // "rally'nov Bourgogne" ends with "Bourgogne"; "…Bourgogne-Franche-Comté" does not end with " Bourgogne".
    private static bool EndsWithRegion(string displayName, string region) =>
        displayName.EndsWith(" " + region, StringComparison.OrdinalIgnoreCase);
}
