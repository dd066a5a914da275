using System.Collections.Concurrent;
using RallyNov.Core.Tenants;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>The open index of each tenant, under App_Data/Sites/{tenant}/Lucene.</summary>
internal sealed class SearchIndexRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<TenantSearchIndex>> _indexes = new(StringComparer.OrdinalIgnoreCase);

    public TenantSearchIndex Get(TenantContext tenant)
    {
        var lazy = _indexes.GetOrAdd(tenant.Name, _ => Open(tenant));
        if (lazy.Value.Faulted && _indexes.TryUpdate(tenant.Name, Open(tenant), lazy))
        {
            lazy.Value.Dispose();
        }

        return _indexes[tenant.Name].Value;
    }

    /// <summary>Closes a tenant's index (disabled or removed): its files are released, its memory freed; the next use reopens it.</summary>
    public void Close(string tenantName)
    {
        if (_indexes.TryRemove(tenantName, out var lazy) && lazy.IsValueCreated)
        {
            lazy.Value.Dispose();
        }
    }

    private static Lazy<TenantSearchIndex> Open(TenantContext tenant) =>
        new(() => TenantSearchIndex.Open(tenant.Paths.SearchIndex));

    public void Dispose()
    {
        foreach (var index in _indexes.Values.Where(l => l.IsValueCreated))
        {
            index.Value.Dispose();
        }

        _indexes.Clear();
    }
}
