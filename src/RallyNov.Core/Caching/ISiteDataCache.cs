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
        if (_entries.TryGetValue(id, out var entry) && entry.Usable(version, now) && entry.Build.IsCompletedSuccessfully && entry.Build.Result is T value)
        {
            return value;
        }

        // One build per key and version, whatever the number of requests missing it at once: at
        // 100 000 items a build reads every item, and sixteen concurrent copies of it took the
        // server down. The build does not take a waiter's cancellation (the others still want it).
        var candidate = new Entry(version, new Lazy<Task<object>>(async () => await create(CancellationToken.None)), now + _lifetimeTicks);
        var winner = _entries.AddOrUpdate(id, candidate, (_, existing) => existing.Usable(version, now) && !existing.Failed ? existing : candidate);
        try
        {
            if (await winner.Value.Value.WaitAsync(cancellationToken) is T built)
            {
                return built;
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed build is not kept; the request that started it gets its error, the others
            // (whose own services may be fine) build for themselves.
            _entries.TryRemove(KeyValuePair.Create(id, winner));
            if (ReferenceEquals(winner, candidate))
            {
                throw;
            }
        }

        return await create(cancellationToken);
    }

    public string VersionOf(TenantSettings tenant) => versions.KeyOf(tenant);

    private sealed record Entry(string Version, Lazy<Task<object>> Value, long UntilTicks)
    {
        public Task<object> Build => Value.Value;

        public bool Failed => Value.IsValueCreated && (Value.Value.IsFaulted || Value.Value.IsCanceled);

        public bool Usable(string version, long now) => Version == version && UntilTicks > now;
    }
}
