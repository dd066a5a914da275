using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;

namespace RallyNov.Core.Caching;

/// <summary>
/// Says that what a tenant's visitors see has changed, once the change is committed: its cached
/// answers (output cache entries, in-memory data of <see cref="ISiteDataCache"/>) stop being used at
/// once and its output cache entries are evicted. Code that changes data inside a request or a
/// tenant scope calls <see cref="ISiteChanges"/>, which waits for the transaction; this singleton is
/// for work that knows the change is durable (the search indexer following the log, the tenant store).
/// </summary>
public interface ISiteCacheInvalidator
{
    Task TenantChangedAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>Every tenant: the list of tenants changed (one added, removed, disabled, renamed, moved).</summary>
    Task AllChangedAsync(CancellationToken cancellationToken = default);
}

internal sealed class SiteCacheInvalidator(SiteCacheVersions versions, IOutputCacheStore store, ILogger<SiteCacheInvalidator> logger) : ISiteCacheInvalidator
{
    /// <summary>Every stored answer of a tenant carries this tag.</summary>
    public static string TagOf(string tenant) => "rallynov:tenant:" + tenant.ToLowerInvariant();

    /// <summary>Answers that read several tenants (the portal) also carry this one.</summary>
    public const string AggregateTag = "rallynov:aggregate";

    /// <summary>Every stored answer.</summary>
    public const string AllTag = "rallynov:all";

    public async Task TenantChangedAsync(string tenant, CancellationToken cancellationToken = default)
    {
        // The version first: from here on no request can find an older answer, evicted or not.
        versions.TenantChanged(tenant);
        await EvictAsync(TagOf(tenant), cancellationToken);
        await EvictAsync(AggregateTag, cancellationToken);
    }

    public async Task AllChangedAsync(CancellationToken cancellationToken = default)
    {
        versions.AllChanged();
        await EvictAsync(AllTag, cancellationToken);
    }

    private async Task EvictAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The version has moved, so nothing stale can be served; only memory is not freed yet.
            logger.LogWarning(ex, "Output cache eviction of {Tag} failed.", tag);
        }
    }
}
