using RallyNov.Core.Tenants;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

public sealed class FederatedSearchTests : IAsyncLifetime
{
    private SearchTestHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task Portal_searches_every_running_tenant_and_links_hits_to_their_own_tenant()
    {
        var portal = await Host.CreateTenantAsync(TenantNames.Default, prefix: "");
        var bourgogne = await Host.CreateTenantAsync("Bourgogne");
        var comte = await Host.CreateTenantAsync("FrancheComte", prefix: "franche-comte");
        await Host.PublishAsync(portal, "Semaine de quatre jours : enquête régionale");
        await Host.PublishAsync(bourgogne, "Semaine de quatre jours chez un artisan");
        await Host.PublishAsync(comte, "Semaine de quatre jours en usine");
        foreach (var tenant in new[] { portal, bourgogne, comte })
        {
            await Host.CatchUpAsync(tenant);
        }

        var local = await Host.SearchAsync(portal, new SearchRequest { Query = "semaine" });
        Assert.Equal(1, local.Total);

        var all = await Host.SearchAsync(portal, new SearchRequest { Query = "semaine", AllTenants = true });
        Assert.Equal(3, all.Total);
        Assert.Contains(all.Hits, h => h.Tenant == "Bourgogne" && h.Url!.StartsWith("/bourgogne/initiatives/", StringComparison.Ordinal));
        Assert.Contains(all.Hits, h => h.Tenant == "FrancheComte" && h.Url!.StartsWith("/franche-comte/initiatives/", StringComparison.Ordinal));
        Assert.Contains(all.Hits, h => h.Tenant == TenantNames.Default && h.Url!.StartsWith("/initiatives/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_tenant_is_never_searched_and_other_tenants_cannot_search_wide()
    {
        var portal = await Host.CreateTenantAsync(TenantNames.Default, prefix: "");
        var bourgogne = await Host.CreateTenantAsync("Bourgogne");
        await Host.PublishAsync(portal, "Tiers-lieu rural");
        await Host.PublishAsync(bourgogne, "Tiers-lieu en Bourgogne");
        await Host.CatchUpAsync(portal);
        await Host.CatchUpAsync(bourgogne);

        // From a territory, the "all" switch is ignored: a tenant only ever sees its own items.
        var fromTerritory = await Host.SearchAsync(bourgogne, new SearchRequest { Query = "tiers-lieu", AllTenants = true });
        Assert.Equal("Bourgogne", Assert.Single(fromTerritory.Hits).Tenant);

        var disabled = bourgogne.Clone();
        disabled.State = TenantState.Disabled;
        await Host.SaveTenantAsync(disabled);
        var all = await Host.SearchAsync(portal, new SearchRequest { Query = "tiers-lieu", AllTenants = true });
        Assert.Equal(TenantNames.Default, Assert.Single(all.Hits).Tenant);
    }
}
