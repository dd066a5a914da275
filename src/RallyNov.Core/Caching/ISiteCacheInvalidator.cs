using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Cluster;

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

internal sealed class SiteCacheInvalidator(SiteCacheVersions versions, IOutputCacheStore store, IChangeBus bus, ILogger<SiteCacheInvalidator> logger) : ISiteCacheInvalidator
{
    /// <summary>Every stored answer of a tenant carries this tag.</summary>
    public static string TagOf(string tenant) => "rallynov:tenant:" + tenant.ToLowerInvariant();

    /// <summary>Answers that read several tenants (the portal) also carry this one.</summary>
    public const string AggregateTag = "rallynov:aggregate";

    /// <summary>Every stored answer.</summary>
    public const string AllTag = "rallynov:all";

    public async Task TenantChangedAsync(string tenant, CancellationToken cancellationToken = default) =>
        Announce(tenant, await MoveAndEvictAsync(tenant, cancellationToken));

    public async Task AllChangedAsync(CancellationToken cancellationToken = default) =>
        Announce(null, await MoveAndEvictAsync(null, cancellationToken));

    /// <summary>
    /// Another node changed a tenant (null: the tenant list). It moved the shared versions and
    /// evicted the shared store: taking its values is enough, and then this node's answers are the
    /// other nodes' answers. A notice without values (a node of an older release) moves this node's own.
    /// </summary>
    public async Task ChangedElsewhereAsync(string? tenant, string? announced, CancellationToken cancellationToken)
    {
        if (versions.IsShared && !string.IsNullOrEmpty(announced))
        {
            versions.Adopt(announced);
            return;
        }

        await MoveAndEvictAsync(tenant, cancellationToken);
    }

    /// <summary>
    /// Moves the version of <paramref name="tenant"/> (null: every tenant's), then evicts its answers;
    /// with shared versions, returns the values to announce.
    /// </summary>
    private async Task<string?> MoveAndEvictAsync(string? tenant, CancellationToken cancellationToken)
    {
        // The version first: from here on no request can find an older answer, evicted or not.
        if (tenant is null)
        {
            var all = await versions.AllChangedAsync(cancellationToken);
            await EvictAsync(AllTag, cancellationToken);
            return all;
        }

        var announce = await versions.TenantChangedAsync(tenant, cancellationToken);
        await EvictAsync(TagOf(tenant), cancellationToken);
        await EvictAsync(AggregateTag, cancellationToken);
        return announce;
    }

    /// <summary>
    /// Changes this node made while the shared versions were unreachable: once they answer, their
    /// shared counters move, their answers go and the other nodes are told.
    /// </summary>
    public async Task MovePendingAsync(CancellationToken cancellationToken)
    {
        if (await versions.MovePendingAsync(cancellationToken) is not { } moved)
        {
            return;
        }

        if (moved.Epoch)
        {
            await EvictAsync(AllTag, cancellationToken);
        }

        foreach (var tenant in moved.Tenants)
        {
            await EvictAsync(TagOf(tenant), cancellationToken);
        }

        await EvictAsync(AggregateTag, cancellationToken);
        logger.LogWarning("Changes made while Redis was unreachable are announced to the other nodes now ({Tenants}).", moved.Epoch ? "all sites" : string.Join(", ", moved.Tenants));
        Announce(null, moved.Announce);
    }

    private void Announce(string? tenant, string? announce)
    {
        if (announce is not null)
        {
            bus.Publish(new ChangeNotice(ChangeKinds.SiteChanged, tenant, announce));
        }
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
