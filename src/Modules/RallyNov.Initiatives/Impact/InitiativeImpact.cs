using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents.Display;
using RallyNov.Core.Content;
using RallyNov.Core.Caching;
using RallyNov.Core.Data;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Initiatives.Impact;

/// <summary>The impact declared by a site's published initiatives, in total and per département.</summary>
public sealed record ImpactSummary(ImpactFigures Total, IReadOnlyDictionary<string, ImpactFigures> Departements)
{
    /// <summary>Sums of the given initiatives; an initiative in several départements counts in each.</summary>
    public static ImpactSummary Of(IEnumerable<ContentItem> items)
    {
        var sums = new Builder();
        foreach (var item in items)
        {
            sums.Add(item);
        }

        return sums.Build();
    }

    /// <summary>Adds initiatives one at a time, so a large site is summed without holding its items.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, ImpactFigures> _departements = new(StringComparer.Ordinal);
        private ImpactFigures _total = ImpactFigures.None;

        public void Add(ContentItem item)
        {
            var figures = ImpactFigures.Of(item);
            if (!figures.IsEmpty)
            {
                Add(figures, item.GetStrings(InitiativeFields.Departement));
            }
        }

        /// <summary>One initiative's figures (read by <see cref="ImpactFigures.Of"/>'s rules) and its départements.</summary>
        public void Add(ImpactFigures figures, IEnumerable<string> departements)
        {
            if (figures.IsEmpty)
            {
                return;
            }

            _total = _total.Add(figures);
            foreach (var code in departements.Distinct(StringComparer.Ordinal))
            {
                _departements[code] = _departements.GetValueOrDefault(code, ImpactFigures.None).Add(figures);
            }
        }

        public ImpactSummary Build() => new(_total, new Dictionary<string, ImpactFigures>(_departements, StringComparer.Ordinal));
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
    RallyNovDbContext db,
    ISiteDataCache cache,
    ITenantStore tenants,
    ITenantScopeFactory scopes,
    ModuleCatalog catalog) : IInitiativeImpact
{
    private const string CurrentKey = "initiatives:impact";
    private const string NetworkKey = "initiatives:impact:network";

    public Task<ImpactSummary> CurrentAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(tenant.Settings, CurrentKey, SumAsync, cancellationToken);

    /// <summary>
    /// The database extracts the five fields of each published initiative that names an impact field
    /// (one small JSON array per row), and the rows are summed as they stream: a site of 100 000
    /// initiatives is summed without loading and parsing every item, which held hundreds of MB and
    /// seconds of CPU at the first home page after a start or a publication. Each row is then read
    /// by the same rules as an item's page (<see cref="ImpactFigures.Of"/>), straight from its JSON
    /// text (<see cref="ImpactRow"/>): at 100 000 rows, building a document per row cost most of the
    /// first home page after a start.
    /// </summary>
    private async Task<ImpactSummary> SumAsync(CancellationToken cancellationToken)
    {
        var sums = new ImpactSummary.Builder();
        if (!catalog.IsEnabled(tenant.Settings, InitiativesModule.ModuleId))
        {
            return sums.Build();
        }

        // Quoted names are valid in both providers; PostgreSQL's search path is the tenant's schema.
        // The fields come in ImpactRow's order. Every impact field's name starts with « Impact »,
        // which the LIKE relies on to skip initiatives without figures.
        const string impact = "%\"Impact%";
        var type = InitiativeFields.Type;
        var rows = db.Database.IsNpgsql()
            ? db.Database.SqlQuery<string>($"""
                SELECT jsonb_build_array(c -> 'ImpactJobs', c -> 'ImpactPeople', c -> 'ImpactVolunteers', c -> 'ImpactPartners', c -> 'Departement')::text AS "Value"
                FROM (SELECT "Content"::jsonb AS c FROM "ContentItems"
                      WHERE "ContentType" = {type} AND "Published" = {true} AND "DeletedUtc" IS NULL AND "Content" LIKE {impact}) AS initiatives
                """)
            : db.Database.SqlQuery<string>($"""
                SELECT json_extract("Content", '$.ImpactJobs', '$.ImpactPeople', '$.ImpactVolunteers', '$.ImpactPartners', '$.Departement') AS "Value"
                FROM "ContentItems"
                WHERE "ContentType" = {type} AND "Published" = {true} AND "DeletedUtc" IS NULL AND "Content" LIKE {impact}
                """);
        var departements = new List<string>();
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (ImpactRow.TryRead(row, departements) is { } figures)
            {
                sums.Add(figures, departements);
            }
        }

        return sums.Build();
    }

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
