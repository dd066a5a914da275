using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Tenants;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>
/// The open index of each tenant, under App_Data/Sites/{tenant}/Lucene. An index that cannot be
/// opened or that broke while serving is replaced by a new, empty one (its files put away unread),
/// which the indexer then builds from the database; meanwhile it is not <see cref="TenantSearchIndex.Ready"/>.
/// </summary>
internal sealed class SearchIndexRegistry(TimeProvider clock, ILogger<SearchIndexRegistry> logger) : IDisposable
{
    /// <summary>
    /// A broken index is replaced at most this often: should something other than a damaged file
    /// make every read fail, the site does not rebuild in a loop (lists still come from the database).
    /// </summary>
    internal static readonly TimeSpan ResetInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, TenantSearchIndex> _indexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _resets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>The tenant's index, opened on first use.</summary>
    /// <exception cref="SearchIndexUnavailableException">The index folder cannot be opened at all (rights, disk).</exception>
    public TenantSearchIndex Get(TenantContext tenant)
    {
        if (_indexes.TryGetValue(tenant.Name, out var index) && !index.Faulted)
        {
            return index;
        }

        lock (_gate)
        {
            if (_indexes.TryGetValue(tenant.Name, out index) && !index.Faulted)
            {
                return index;
            }

            var opened = OpenIndex(tenant);
            _indexes[tenant.Name] = opened;
            index?.Dispose();
            return opened;
        }
    }

    /// <summary>Closes a tenant's index (disabled, reset or removed): its files are released, its memory freed; the next use reopens it.</summary>
    public void Close(string tenantName)
    {
        lock (_gate)
        {
            _resets.TryRemove(tenantName, out _);
            if (_indexes.TryRemove(tenantName, out var index))
            {
                index.Dispose();
            }
        }
    }

    /// <summary>The tenant's index if this process opened it already (for /health: never opens anything).</summary>
    public TenantSearchIndex? Peek(string tenantName) => _indexes.GetValueOrDefault(tenantName);

    /// <summary>
    /// Replaces a broken index by a new, empty one without reading its files (the indexer rebuilds
    /// it). Returns the index to use, or null while the last replacement is too recent.
    /// </summary>
    public TenantSearchIndex? ReplaceBroken(TenantContext tenant)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue(tenant.Name, out var broken) || !broken.Broken)
            {
                return broken;
            }

            var now = clock.GetUtcNow();
            if (_resets.TryGetValue(tenant.Name, out var last) && now - last < ResetInterval)
            {
                return null;
            }

            _resets[tenant.Name] = now;
            logger.LogError("The search index of tenant {Tenant} is damaged ({Reason}); it is rebuilt from the database. Lists are read from the database meanwhile.", tenant.Name, broken.BrokenReason);
            broken.Dispose();
            _indexes.TryRemove(tenant.Name, out _);
            TenantSearchIndex.PutAway(tenant.Paths.SearchIndex);
            var fresh = OpenIndex(tenant);
            _indexes[tenant.Name] = fresh;
            return fresh;
        }
    }

    private TenantSearchIndex OpenIndex(TenantContext tenant)
    {
        try
        {
            var index = TenantSearchIndex.Open(tenant.Paths.SearchIndex, out var damaged);
            if (damaged is not null)
            {
                logger.LogError("The search index of tenant {Tenant} could not be read ({Reason}); it was put away and is rebuilt from the database.", tenant.Name, damaged);
            }

            return index;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new SearchIndexUnavailableException($"L'index de recherche du site « {tenant.Name} » ne peut pas être ouvert : {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var index in _indexes.Values)
            {
                index.Dispose();
            }

            _indexes.Clear();
        }
    }
}
