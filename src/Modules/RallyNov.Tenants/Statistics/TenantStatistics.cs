using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Data;
using RallyNov.Core.Tenants;

namespace RallyNov.Tenants.Statistics;

/// <summary>What the list shows of a site's life: its content and when it last changed.</summary>
public sealed record TenantActivity(int Items, int Published, DateTime? LastChangeUtc);

/// <summary>Content counts and last activity of sites, read from each site's own database.</summary>
public interface ITenantStatistics
{
    /// <summary>
    /// The figures of the given sites (null for a site without a database yet), read in parallel
    /// and kept for half a minute: a page of the list opens a few databases, never hundreds.
    /// </summary>
    Task<IReadOnlyDictionary<string, TenantActivity?>> ForAsync(IReadOnlyList<TenantSettings> tenants, CancellationToken cancellationToken);
}

internal sealed class TenantStatistics(
    ITenantDatabase database,
    ITenantScopeFactory scopes,
    IMemoryCache cache,
    ILogger<TenantStatistics> logger) : ITenantStatistics
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyDictionary<string, TenantActivity?>> ForAsync(IReadOnlyList<TenantSettings> tenants, CancellationToken cancellationToken)
    {
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, TenantActivity?>(StringComparer.OrdinalIgnoreCase);
        await Parallel.ForEachAsync(
            tenants,
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (tenant, ct) => results[tenant.Name] = await ReadAsync(tenant, ct));
        return results;
    }

    private async Task<TenantActivity?> ReadAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var key = "tenants:activity:" + tenant.Name + ":" + tenant.State;
        if (cache.TryGetValue(key, out TenantActivity? cached))
        {
            return cached;
        }

        TenantActivity? activity = null;
        try
        {
            // Never create a database by looking at it: a site still being set up has none yet.
            if (tenant.State != TenantState.Uninitialized && await database.ExistsAsync(tenant, cancellationToken))
            {
                await using var scope = scopes.CreateScope(tenant);
                var db = scope.ServiceProvider.GetRequiredService<RallyNovDbContext>();
                var live = db.ContentItems.AsNoTracking().Where(x => x.DeletedUtc == null);
                var items = await live.CountAsync(x => x.Latest, cancellationToken);
                var published = await live.CountAsync(x => x.Published, cancellationToken);
                var last = await db.ContentItems.AsNoTracking().MaxAsync(x => (DateTime?)x.ModifiedUtc, cancellationToken);
                activity = new TenantActivity(items, published, last);
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // A broken database shows as « — » in the list; /health tells the rest.
            logger.LogWarning(ex, "Could not read the activity of tenant {Tenant}.", tenant.Name);
        }

        cache.Set(key, activity, CacheDuration);
        return activity;
    }
}
