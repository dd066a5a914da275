using System.Collections.Concurrent;
using System.Globalization;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Caching;

/// <summary>
/// The version of what visitors see, per tenant. Every cached thing derived from a tenant's data
/// (output cache keys, in-memory data, validators) carries the version it was built under and is
/// only used while the version is the same: a change moves the version <em>after</em> it is
/// committed, so an answer computed from older data, even one finishing after the change, can never
/// be found again.
/// </summary>
/// <remarks>
/// <para>The portal (the default tenant) shows the other tenants' figures, pictures and search
/// results: its version (slot "any") moves with any tenant's change. A change of the tenant list
/// (added, removed, disabled, renamed, moved) moves every tenant's version through the epoch.</para>
/// <para>One node: the versions come from one counter of this process that starts at its start
/// time, so none is ever reused. Several nodes (<see cref="ISharedSiteVersions"/>, Redis): the
/// versions are counters every node reads, kept here in memory — a request never waits on the
/// network — and moved by the node that made a change, which tells the others the new values on
/// the change bus; so a page cached by one node is a hit on every node. When the shared counters
/// cannot be reached, a change moves this node's version to a value of its own (never another
/// node's), and the shared counter is moved once they answer again.</para>
/// </remarks>
internal sealed class SiteCacheVersions
{
    public const string EpochSlot = "epoch";
    public const string AnySlot = "any";

    private readonly TimeProvider _clock;
    private readonly ISharedSiteVersions? _shared;
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly string _node = "n" + Guid.NewGuid().ToString("N")[..8];
    private long _counter;
    private object? _tenantList;

    public SiteCacheVersions(TimeProvider clock, ISharedSiteVersions? shared = null)
    {
        _clock = clock;
        _shared = shared;
        _counter = clock.GetUtcNow().UtcTicks;
        Epoch = _slots.GetOrAdd(EpochSlot, NewSlot);
        Any = _slots.GetOrAdd(AnySlot, NewSlot);
    }

    /// <summary>True when the versions are shared by several nodes.</summary>
    public bool IsShared => _shared is not null;

    private Slot Epoch { get; }

    private Slot Any { get; }

    public static string SlotOf(string tenant) => "t:" + tenant.ToLowerInvariant();

    /// <summary>"epoch.version": changes whenever anything the tenant's visitors see may have changed.</summary>
    public string KeyOf(TenantSettings tenant)
    {
        var slot = tenant.IsDefault ? Loaded(Any) : Get(tenant.Name);
        return Epoch.Part(_node) + "." + slot.Part(_node);
    }

    /// <summary>When the tenant's public data last changed as far as this process knows (its start at the latest).</summary>
    public DateTimeOffset LastChangeOf(TenantSettings tenant)
    {
        var slot = tenant.IsDefault ? Loaded(Any) : Get(tenant.Name);
        return new DateTimeOffset(Math.Max(slot.State.ChangedTicks, Epoch.State.ChangedTicks), TimeSpan.Zero);
    }

    /// <summary>Moves the tenant's version (and the portal's); with shared versions, the value to announce on the bus, else null.</summary>
    public Task<string?> TenantChangedAsync(string tenant, CancellationToken cancellationToken) =>
        MoveAsync([Get(tenant), Any], cancellationToken);

    /// <summary>Moves every tenant's version; with shared versions, the value to announce on the bus, else null.</summary>
    public Task<string?> AllChangedAsync(CancellationToken cancellationToken) => MoveAsync([Epoch], cancellationToken);

    /// <summary>Another node moved shared versions: <paramref name="announced"/> is what it sent ("slot=value;...").</summary>
    public void Adopt(string announced)
    {
        foreach (var pair in announced.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.LastIndexOf('=');
            if (equals > 0 && long.TryParse(pair.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                var name = pair[..equals];
                var slot = name switch
                {
                    EpochSlot => Epoch,
                    AnySlot => Any,
                    _ when name.StartsWith("t:", StringComparison.Ordinal) => _slots.GetOrAdd(name, NewSlot),
                    _ => null,
                };
                slot?.Adopt(value, Now());
            }
        }
    }

    /// <summary>
    /// Reads the shared versions again (a notice may have been missed) and names the slots changed
    /// here while they could not be reached: the caller moves them now (<see cref="MovePendingAsync"/>).
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        if (_shared is null)
        {
            return false;
        }

        var slots = _slots.Values.ToArray();
        var values = await _shared.LoadAsync([.. slots.Select(s => s.Name)], cancellationToken);
        if (values is null)
        {
            return false;
        }

        var now = Now();
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i].Adopt(values[i], now);
        }

        return slots.Any(s => s.State.Pending);
    }

    /// <summary>
    /// Moves the shared counters of the changes made here while they could not be reached; null
    /// when there is none or they still cannot be reached. The caller evicts and announces.
    /// </summary>
    public async Task<PendingMove?> MovePendingAsync(CancellationToken cancellationToken)
    {
        var pending = _slots.Values.Where(s => s.State.Pending).ToArray();
        if (pending.Length == 0 || await MoveAsync(pending, cancellationToken) is not { } announce)
        {
            return null;
        }

        return new PendingMove(
            announce,
            pending.Contains(Epoch),
            [.. pending.Select(s => s.Tenant).OfType<string>()]);
    }

    /// <summary>
    /// Records that the tenant's pages change by themselves at <paramref name="utc"/> (an event
    /// becomes past): the first request from then on moves the version (<see cref="TakeDue"/>).
    /// </summary>
    public void ChangesAt(string tenant, DateTimeOffset utc)
    {
        var slot = Get(tenant);
        var ticks = utc.UtcTicks;
        long current;
        do
        {
            current = Volatile.Read(ref slot.DueTicks);
            if (current <= ticks)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref slot.DueTicks, ticks, current) != current);
    }

    /// <summary>True once per due time: the caller then reports the tenant changed.</summary>
    public bool TakeDue(TenantSettings tenant)
    {
        var slot = Get(tenant.Name);
        var due = Volatile.Read(ref slot.DueTicks);
        return due <= Now() && Interlocked.CompareExchange(ref slot.DueTicks, long.MaxValue, due) == due;
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

    private async Task<string?> MoveAsync(Slot[] slots, CancellationToken cancellationToken)
    {
        if (_shared is null)
        {
            foreach (var slot in slots)
            {
                slot.MovedHere(Next(), Now(), pending: false);
            }

            return null;
        }

        // A change made here after this point is not covered by the counters moved below.
        var changes = slots.Select(s => s.State.Changes).ToArray();
        long[]? values = null;
        try
        {
            // Not cancelled: the change is committed, its version must move whatever the caller does.
            values = await _shared.IncrementAsync([.. slots.Select(s => s.Name)], CancellationToken.None);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported by the store; the node moves on alone below.
        }

        if (values is null)
        {
            foreach (var slot in slots)
            {
                slot.MovedHere(Next(), Now(), pending: true);
            }

            return null;
        }

        var now = Now();
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i].MovedShared(values[i], changes[i], now);
        }

        return string.Join(';', slots.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{s.Name}={values[i]}")));
    }

    private long Now() => _clock.GetUtcNow().UtcTicks;

    private long Next() => Interlocked.Increment(ref _counter);

    private Slot Get(string tenant)
    {
        var name = SlotOf(tenant);
        return Loaded(_slots.TryGetValue(name, out var slot) ? slot : _slots.GetOrAdd(name, NewSlot));
    }

    /// <summary>
    /// Once per slot and process, the shared value (with the epoch's and the portal's): later reads
    /// are in memory, moved by the notices of the bus and the periodic refresh.
    /// </summary>
    private Slot Loaded(Slot slot)
    {
        if (_shared is null || !slot.TakeFirstLoad())
        {
            return slot;
        }

        Slot[] load = [.. new[] { slot, Epoch, Any }.Distinct()];
        var values = _shared.Load([.. load.Select(s => s.Name)]);
        if (values is not null)
        {
            var now = Now();
            for (var i = 0; i < load.Length; i++)
            {
                load[i].Adopt(values[i], now);
            }
        }

        return slot;
    }

    private Slot NewSlot(string name) => new(name, Next(), Now());

    /// <summary>One counter: a tenant's, the portal's ("any") or the epoch.</summary>
    private sealed class Slot(string name, long local, long createdTicks)
    {
        private readonly Lock _gate = new();
        private int _loadTaken;

        public long DueTicks = long.MaxValue;

        public string Name { get; } = name;

        /// <summary>The tenant of a "t:" slot (lower case, as the slot names it); null for the epoch.</summary>
        public string? Tenant => Name.StartsWith("t:", StringComparison.Ordinal) ? Name[2..] : null;

        /// <summary>Replaced whole under the gate, read without it.</summary>
        public VersionState State { get; private set; } = new(0, local, 0, false, createdTicks);

        /// <summary>Local values carry the node's name: they can never be another node's (shared or local) value.</summary>
        public string Part(string node)
        {
            var state = State;
            return state.Local == 0
                ? state.Shared.ToString("x", CultureInfo.InvariantCulture)
                : state.Local.ToString("x", CultureInfo.InvariantCulture) + node;
        }

        public bool TakeFirstLoad() => Interlocked.Exchange(ref _loadTaken, 1) == 0;

        /// <summary>A shared value read or announced. Not taken while a change made here is not in the shared counter yet.</summary>
        public void Adopt(long shared, long now)
        {
            lock (_gate)
            {
                var state = State;
                if (shared > state.Shared || (state.Local != 0 && !state.Pending && shared == state.Shared && shared != 0))
                {
                    var local = state.Pending ? state.Local : 0;
                    var moved = local != state.Local || (local == 0 && shared != state.Shared);
                    State = state with { Shared = Math.Max(shared, state.Shared), Local = local, ChangedTicks = moved ? now : state.ChangedTicks };
                }
            }
        }

        /// <summary>This node moved the shared counter to <paramref name="shared"/> after its change.</summary>
        public void MovedShared(long shared, long changesBefore, long now)
        {
            lock (_gate)
            {
                var state = State;
                var covered = state.Changes == changesBefore;
                State = state with
                {
                    Shared = Math.Max(shared, state.Shared),
                    Local = covered ? 0 : state.Local,
                    Pending = !covered && state.Pending,
                    ChangedTicks = now,
                };
            }
        }

        /// <summary>A change this node cannot (or need not) share: a value of its own.</summary>
        public void MovedHere(long local, long now, bool pending)
        {
            lock (_gate)
            {
                var state = State;
                State = state with { Local = local, Changes = state.Changes + 1, Pending = pending, ChangedTicks = now };
            }
        }
    }

    /// <param name="Shared">The last shared value known (0: none yet).</param>
    /// <param name="Local">Non-zero while this node uses a value of its own.</param>
    /// <param name="Changes">Changes moved here without the shared counter.</param>
    /// <param name="Pending">A change made here is not in the shared counter yet.</param>
    /// <param name="ChangedTicks">When the version last moved.</param>
    private sealed record VersionState(long Shared, long Local, long Changes, bool Pending, long ChangedTicks);
}

/// <summary>Changes made while the shared versions were unreachable, now moved: what to evict and announce.</summary>
/// <param name="Announce">The notice's value for the other nodes.</param>
/// <param name="Epoch">The tenant list changed meanwhile: every tenant's answers go.</param>
/// <param name="Tenants">The tenants that changed meanwhile (lower case).</param>
internal sealed record PendingMove(string Announce, bool Epoch, IReadOnlyList<string> Tenants);

/// <summary>
/// Version counters shared by the nodes (Redis). Values only grow; a counter that does not exist
/// yet (or was lost with Redis' memory) starts from the clock, above any value it had before.
/// </summary>
internal interface ISharedSiteVersions
{
    /// <summary>The counters, created when missing; null when they cannot be reached (at once, never a long wait).</summary>
    long[]? Load(string[] slots);

    Task<long[]?> LoadAsync(string[] slots, CancellationToken cancellationToken);

    /// <summary>Moves each counter by one; null when they cannot be reached.</summary>
    Task<long[]?> IncrementAsync(string[] slots, CancellationToken cancellationToken);
}
