using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Caching;

/// <summary>
/// Data a tenant's pages derive from its database (identity and menus, vocabularies, counts),
/// built once and shared by every request until anything of the tenant changes: no per-request
/// settings or vocabulary query, and never an older state than the last committed change. Keys are
/// fixed names chosen by code (never visitor input): the cache holds a few entries per tenant.
/// </summary>
public interface ISiteDataCache
{
    Task<T> GetOrCreateAsync<T>(TenantSettings tenant, string key, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken)
        where T : notnull;

    /// <summary>The tenant's current version: part of the key of any other cache of data derived from it.</summary>
    string VersionOf(TenantSettings tenant);
}

internal sealed class SiteDataCache(SiteCacheVersions versions, TimeProvider clock, IOptions<OutputCacheSettings> settings) : ISiteDataCache
{
    private readonly ConcurrentDictionary<(string Tenant, string Key), Entry> _entries = new();
    private readonly long _lifetimeTicks = TimeSpan.FromSeconds(Math.Max(1, settings.Value.ExpirationSeconds)).Ticks;

    public async Task<T> GetOrCreateAsync<T>(TenantSettings tenant, string key, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken)
        where T : notnull
    {
        // Read before building: a change committed while building moves the version, and the
        // value built from the older rows is then never returned again.
        var version = versions.KeyOf(tenant);
        var now = clock.GetUtcNow().UtcTicks;
        var id = (tenant.Name, key);
        if (_entries.TryGetValue(id, out var entry) && entry.Version == version && entry.UntilTicks > now && entry.Value is T value)
        {
            return value;
        }

        value = await create(cancellationToken);
        _entries[id] = new Entry(version, value, now + _lifetimeTicks);
        return value;
    }

    public string VersionOf(TenantSettings tenant) => versions.KeyOf(tenant);

    private sealed record Entry(string Version, object Value, long UntilTicks);
}
