using Microsoft.Extensions.Caching.Memory;
using RallyNov.Core.Caching;

namespace RallyNov.Core.Cluster;

/// <summary>Another node changed what a tenant's visitors see: its cached pages and data go here too.</summary>
internal sealed class SiteCacheChangeHandler(SiteCacheInvalidator invalidator) : IChangeHandler
{
    public Task ApplyAsync(ChangeNotice notice, CancellationToken cancellationToken) => notice.Kind != ChangeKinds.SiteChanged
        ? Task.CompletedTask
        : invalidator.ChangedElsewhereAsync(notice.Tenant, notice.Key, cancellationToken);
}

/// <summary>Another node dropped an entry of its memory cache (role permissions...): drop ours too.</summary>
internal sealed class MemoryCacheKeyChangeHandler(IMemoryCache cache) : IChangeHandler
{
    public Task ApplyAsync(ChangeNotice notice, CancellationToken cancellationToken)
    {
        if (notice.Kind == ChangeKinds.MemoryCacheKey && notice.Key is { Length: > 0 } key)
        {
            cache.Remove(key);
        }

        return Task.CompletedTask;
    }
}
