using RallyNov.Core.Caching;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Tests.Cluster;

/// <summary>
/// The site versions that key the caches, shared by the nodes through counters (Redis in
/// production, a dictionary here): same keys on every node, a change on one node seen by the
/// others through the value it announces, and a change made while the counters are unreachable
/// never sharing a key with another node.
/// </summary>
public sealed class SharedSiteVersionsTests
{
    private static readonly TenantSettings Bourgogne = new() { Name = "Bourgogne", UrlPrefix = "bourgogne" };

    [Fact]
    public async Task Two_nodes_on_the_same_counters_use_the_same_keys_and_an_announced_change_moves_the_other()
    {
        var counters = new Counters();
        var a = new SiteCacheVersions(TimeProvider.System, counters);
        var b = new SiteCacheVersions(TimeProvider.System, counters);
        Assert.Equal(a.KeyOf(Bourgogne), b.KeyOf(Bourgogne));

        var before = b.KeyOf(Bourgogne);
        var announced = await a.TenantChangedAsync("Bourgogne", CancellationToken.None);
        Assert.NotNull(announced);
        Assert.NotEqual(before, a.KeyOf(Bourgogne));
        Assert.Equal(before, b.KeyOf(Bourgogne)); // not heard yet

        b.Adopt(announced);
        Assert.Equal(a.KeyOf(Bourgogne), b.KeyOf(Bourgogne));
    }

    [Fact]
    public async Task A_change_made_while_the_counters_are_unreachable_gets_a_key_of_its_own_until_it_is_announced()
    {
        var counters = new Counters();
        var a = new SiteCacheVersions(TimeProvider.System, counters);
        var b = new SiteCacheVersions(TimeProvider.System, counters);
        var shared = a.KeyOf(Bourgogne);
        Assert.Equal(shared, b.KeyOf(Bourgogne));

        counters.Down = true;
        Assert.Null(await a.TenantChangedAsync("Bourgogne", CancellationToken.None));
        var local = a.KeyOf(Bourgogne);
        Assert.NotEqual(shared, local);

        // Meanwhile B moves the counter: A must not take it (its own change may not be in it).
        counters.Down = false;
        b.Adopt((await b.TenantChangedAsync("Bourgogne", CancellationToken.None))!);
        Assert.True(await a.RefreshAsync(CancellationToken.None));
        Assert.Equal(local, a.KeyOf(Bourgogne));

        // Counters back: A moves them for its change and tells B; the nodes agree again.
        var moved = await a.MovePendingAsync(CancellationToken.None);
        Assert.NotNull(moved);
        Assert.Equal(["bourgogne"], moved.Tenants);
        b.Adopt(moved.Announce);
        Assert.Equal(a.KeyOf(Bourgogne), b.KeyOf(Bourgogne));
        Assert.NotEqual(local, a.KeyOf(Bourgogne));
        Assert.Null(await a.MovePendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_node_alone_moves_its_own_versions()
    {
        var alone = new SiteCacheVersions(TimeProvider.System);
        var before = alone.KeyOf(Bourgogne);
        Assert.Null(await alone.TenantChangedAsync("Bourgogne", CancellationToken.None));
        Assert.NotEqual(before, alone.KeyOf(Bourgogne));
    }

    /// <summary>Redis' counters, in memory; <see cref="Down"/> makes every call fail as an outage does.</summary>
    private sealed class Counters : ISharedSiteVersions
    {
        private readonly Dictionary<string, long> _values = [];

        public bool Down { get; set; }

        public long[]? Load(string[] slots)
        {
            if (Down)
            {
                return null;
            }

            lock (_values)
            {
                return [.. slots.Select(s => _values.TryGetValue(s, out var v) ? v : _values[s] = 1000)];
            }
        }

        public Task<long[]?> LoadAsync(string[] slots, CancellationToken cancellationToken) => Task.FromResult(Load(slots));

        public Task<long[]?> IncrementAsync(string[] slots, CancellationToken cancellationToken)
        {
            if (Down)
            {
                return Task.FromResult<long[]?>(null);
            }

            lock (_values)
            {
                return Task.FromResult<long[]?>([.. slots.Select(s => _values[s] = (_values.TryGetValue(s, out var v) ? v : 1000) + 1)]);
            }
        }
    }
}
