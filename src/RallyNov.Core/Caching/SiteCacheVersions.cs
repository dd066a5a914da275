using System.Collections.Concurrent;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Caching;

/// <summary>
/// The version of what visitors see, per tenant, in this process. Every cached thing derived from
/// a tenant's data (output cache keys, in-memory data, validators) carries the version it was built
/// under and is only used while the version is the same: a change bumps the version <em>after</em>
/// it is committed, so an answer computed from older data, even one finishing after the change,
/// can never be found again. Versions come from one counter that starts at the process start time,
/// so no version is ever reused, not even across a restart sharing a store (Redis).
/// </summary>
/// <remarks>
/// The portal (the default tenant) shows the other tenants' figures, pictures and search results:
/// its version moves with any tenant's change. A change of the tenant list (added, removed,
/// disabled, renamed, moved) moves every tenant's version through the epoch.
/// </remarks>
internal sealed class SiteCacheVersions
{
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, TenantVersion> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private long _counter;
    private long _epoch;
    private long _epochTicks;
    private long _any;
    private long _anyTicks;
    private object? _tenantList;

    public SiteCacheVersions(TimeProvider clock)
    {
        _clock = clock;
        var start = clock.GetUtcNow().UtcTicks;
        _counter = start;
        _epoch = Next();
        _any = Next();
        _epochTicks = _anyTicks = start;
    }

    /// <summary>"epoch.version": changes whenever anything the tenant's visitors see may have changed.</summary>
    public string KeyOf(TenantSettings tenant)
    {
        var version = tenant.IsDefault ? Volatile.Read(ref _any) : Get(tenant.Name).Version;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Volatile.Read(ref _epoch):x}.{version:x}");
    }

    /// <summary>When the tenant's public data last changed as far as this process knows (its start at the latest).</summary>
    public DateTimeOffset LastChangeOf(TenantSettings tenant)
    {
        var ticks = tenant.IsDefault ? Volatile.Read(ref _anyTicks) : Volatile.Read(ref Get(tenant.Name).ChangedTicks);
        return new DateTimeOffset(Math.Max(ticks, Volatile.Read(ref _epochTicks)), TimeSpan.Zero);
    }

    public void TenantChanged(string tenant)
    {
        var now = _clock.GetUtcNow().UtcTicks;
        var entry = Get(tenant);
        Volatile.Write(ref entry.ChangedTicks, now);
        Volatile.Write(ref entry.Version, Next());
        Volatile.Write(ref _anyTicks, now);
        Volatile.Write(ref _any, Next());
    }

    public void AllChanged()
    {
        Volatile.Write(ref _epochTicks, _clock.GetUtcNow().UtcTicks);
        Volatile.Write(ref _epoch, Next());
    }

    /// <summary>
    /// Records that the tenant's pages change by themselves at <paramref name="utc"/> (an event
    /// becomes past): the first request from then on moves the version (<see cref="TakeDue"/>).
    /// </summary>
    public void ChangesAt(string tenant, DateTimeOffset utc)
    {
        var entry = Get(tenant);
        var ticks = utc.UtcTicks;
        long current;
        do
        {
            current = Volatile.Read(ref entry.DueTicks);
            if (current <= ticks)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref entry.DueTicks, ticks, current) != current);
    }

    /// <summary>True once per due time: the caller then reports the tenant changed.</summary>
    public bool TakeDue(TenantSettings tenant)
    {
        var entry = Get(tenant.Name);
        var due = Volatile.Read(ref entry.DueTicks);
        return due <= _clock.GetUtcNow().UtcTicks && Interlocked.CompareExchange(ref entry.DueTicks, long.MaxValue, due) == due;
    }

    /// <summary>
    /// The tenant store hands out a new immutable list on every change (saved here, or noticed in the
    /// file by another process): a new list means the tenants changed. True once per new list.
    /// </summary>
    public bool TenantListChanged(IReadOnlyList<TenantSettings> current)
    {
        var seen = Volatile.Read(ref _tenantList);
        if (ReferenceEquals(seen, current))
        {
            return false;
        }

        return ReferenceEquals(Interlocked.CompareExchange(ref _tenantList, current, seen), seen) && seen is not null;
    }

    private long Next() => Interlocked.Increment(ref _counter);

    private TenantVersion Get(string tenant) => _tenants.GetOrAdd(tenant, static (_, self) => new TenantVersion(self.Next(), Volatile.Read(ref self._epochTicks)), this);

    private sealed class TenantVersion(long version, long changedTicks)
    {
        public long Version = version;
        public long ChangedTicks = changedTicks;
        public long DueTicks = long.MaxValue;
    }
}
