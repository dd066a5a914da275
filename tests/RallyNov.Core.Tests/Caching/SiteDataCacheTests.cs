using Microsoft.Extensions.Options;
using RallyNov.Core.Caching;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Tests.Caching;

public sealed class SiteDataCacheTests
{
    private static readonly TenantSettings Tenant = new() { Name = "Alpha", DisplayName = "Alpha", UrlPrefix = "alpha" };

    private static (SiteDataCache Cache, SiteCacheVersions Versions) Create()
    {
        var versions = new SiteCacheVersions(TimeProvider.System);
        return (new SiteDataCache(versions, TimeProvider.System, Options.Create(new OutputCacheSettings())), versions);
    }

    [Fact]
    public async Task Requests_missing_the_same_entry_at_once_share_one_build()
    {
        var (cache, _) = Create();
        var builds = 0;
        var release = new TaskCompletionSource();
        async Task<string> Build(CancellationToken _)
        {
            Interlocked.Increment(ref builds);
            await release.Task;
            return "built";
        }

        var waiting = Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.GetOrCreateAsync(Tenant, "all", Build, CancellationToken.None))).ToList();
        await Task.Delay(200);
        release.SetResult();

        Assert.All(await Task.WhenAll(waiting), value => Assert.Equal("built", value));
        Assert.Equal(1, builds);
    }

    [Fact]
    public async Task A_change_builds_again_and_a_failed_build_is_not_kept()
    {
        var (cache, versions) = Create();
        var builds = 0;
        Task<int> Build(CancellationToken _) => Task.FromResult(Interlocked.Increment(ref builds));

        Assert.Equal(1, await cache.GetOrCreateAsync(Tenant, "n", Build, CancellationToken.None));
        Assert.Equal(1, await cache.GetOrCreateAsync(Tenant, "n", Build, CancellationToken.None));
        await versions.TenantChangedAsync(Tenant.Name, CancellationToken.None);
        Assert.Equal(2, await cache.GetOrCreateAsync(Tenant, "n", Build, CancellationToken.None));

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrCreateAsync<int>(Tenant, "broken", _ => throw new InvalidOperationException("database down"), CancellationToken.None));
        Assert.Equal(3, await cache.GetOrCreateAsync(Tenant, "broken", Build, CancellationToken.None));
    }
}
