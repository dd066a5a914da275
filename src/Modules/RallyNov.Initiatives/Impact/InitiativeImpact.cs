using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Core.Caching;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Initiatives.Impact;

/// <summary>The impact declared by a site's published initiatives, in total and per département.</summary>
public sealed record ImpactSummary(ImpactFigures Total, IReadOnlyDictionary<string, ImpactFigures> Departements)
{
    /// <summary>Sums of the given initiatives; an initiative in several départements counts in each.</summary>
    public static ImpactSummary Of(IEnumerable<ContentItem> items)
    {
        var total = ImpactFigures.None;
        var departements = new Dictionary<string, ImpactFigures>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var figures = ImpactFigures.Of(item);
            if (figures.IsEmpty)
            {
                continue;
            }

            total = total.Add(figures);
            foreach (var code in item.GetStrings(InitiativeFields.Departement).Distinct(StringComparer.Ordinal))
            {
                departements[code] = departements.GetValueOrDefault(code, ImpactFigures.None).Add(figures);
            }
        }

        return new(total, departements);
    }
}

/// <summary>One site of the network and the impact its initiatives declare (the portal's home).</summary>
/// <param name="Url">Absolute path of the site's list of initiatives.</param>
public sealed record SiteImpact(string Name, string Url, ImpactFigures Figures);

/// <summary>
/// Sums of the impact indicators, built once per change of the site's content: they live in the
/// tenant's <see cref="ISiteDataCache"/>, whose version moves with every publication (and, for the
/// portal, with any site's), so neither this cache nor the output cache built on it shows an old sum.
/// </summary>
public interface IInitiativeImpact
{
    /// <summary>The current site's published initiatives.</summary>
    Task<ImpactSummary> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>
    /// On the regional portal: every running site with initiatives (the portal's own first), each
    /// with its sums, only the sites that declared something. Empty elsewhere.
    /// </summary>
    Task<IReadOnlyList<SiteImpact>> NetworkAsync(CancellationToken cancellationToken);
}

internal sealed class InitiativeImpact(
    TenantContext tenant,
    IPublishedContentReader reader,
    ISiteDataCache cache,
    ITenantStore tenants,
    ITenantScopeFactory scopes,
    ModuleCatalog catalog) : IInitiativeImpact
{
    private const string CurrentKey = "initiatives:impact";
    private const string NetworkKey = "initiatives:impact:network";

    public Task<ImpactSummary> CurrentAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(tenant.Settings, CurrentKey, async ct => ImpactSummary.Of(await reader.AllAsync(InitiativeFields.Type, ct)), cancellationToken);

    public async Task<IReadOnlyList<SiteImpact>> NetworkAsync(CancellationToken cancellationToken)
    {
        if (!tenant.Settings.IsDefault)
        {
            return [];
        }

        try
        {
            return await cache.GetOrCreateAsync(tenant.Settings, NetworkKey, BuildNetworkAsync, cancellationToken);
        }
        catch (IncompleteException incomplete)
        {
            // A site could not be read: shown without it this time, never kept that way.
            return incomplete.Sites;
        }
    }

    private async Task<IReadOnlyList<SiteImpact>> BuildNetworkAsync(CancellationToken cancellationToken)
    {
        var sites = new List<SiteImpact>();
        var complete = true;
        var running = tenants.All
            .Where(t => t.State == TenantState.Running && catalog.IsEnabled(t, InitiativesModule.ModuleId))
            .OrderBy(t => t.IsDefault ? 0 : 1)
            .ThenBy(t => t.DisplayName, StringComparer.Ordinal);
        foreach (var site in running)
        {
            var prefix = TenantResolver.NormalizePrefix(site.UrlPrefix);
            if (!site.IsDefault && prefix.Length == 0)
            {
                continue; // a site reached by its host name only: no link from the portal's pages
            }

            try
            {
                ImpactSummary summary;
                if (site.IsDefault)
                {
                    summary = await CurrentAsync(cancellationToken);
                }
                else
                {
                    await using var scope = scopes.CreateScope(site);
                    summary = await scope.ServiceProvider.GetRequiredService<IInitiativeImpact>().CurrentAsync(cancellationToken);
                }

                if (!summary.Total.IsEmpty)
                {
                    sites.Add(new SiteImpact(site.DisplayName, (prefix.Length == 0 ? "" : "/" + prefix) + "/initiatives", summary.Total));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                complete = false;
            }
        }

        return complete ? sites : throw new IncompleteException(sites);
    }

    private sealed class IncompleteException(IReadOnlyList<SiteImpact> sites) : Exception("A site of the network could not be read.")
    {
        public IReadOnlyList<SiteImpact> Sites { get; } = sites;
    }
}
