using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;

namespace RallyNov.Modules.Tests.Search;

public sealed class PublishedListIndexTests : IAsyncLifetime
{
    private SearchTestHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private Task<PublishedListPage?> ListAsync(Core.Tenants.TenantSettings tenant, PublishedListQuery query) =>
        Host.InTenantAsync(tenant, sp => sp.GetRequiredService<IPublishedListIndex>().QueryAsync(query, CancellationToken.None));

    private static PublishedListQuery Query(int skip = 0, int take = 20, Dictionary<string, string>? filters = null) => new()
    {
        ContentType = SearchTestModule.TypeName,
        Filters = filters ?? [],
        Facets = ["departement", "annee"],
        SortByNumberDescending = "annee",
        Skip = skip,
        Take = take,
    };

    [Fact]
    public async Task Page_is_sorted_by_year_then_title_in_French_order_with_counts_ignoring_their_own_filter()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var zebre = await Host.PublishAsync(tenant, "Zèbre", departement: "25", year: 2023);
        var ecole = await Host.PublishAsync(tenant, "école du vent", departement: "39", year: 2014);
        var eb = await Host.PublishAsync(tenant, "Ebénisterie", departement: "25", year: 2014);
        var ed = await Host.PublishAsync(tenant, "Edition solidaire", departement: "25", year: 2014);
        var none = await Host.PublishAsync(tenant, "Abeilles", departement: "25");
        await Host.PublishAsync(tenant, "Brouillon", departement: "25", year: 2030, publish: false);
        await Host.CatchUpAsync(tenant);

        var all = await ListAsync(tenant, Query());
        Assert.NotNull(all);
        Assert.Equal([zebre, eb, ecole, ed, none], all.Ids);
        Assert.Equal(5, all.Total);
        Assert.Equal(5, all.TypeTotal);

        var doubs = await ListAsync(tenant, Query(skip: 1, take: 2, filters: new() { ["departement"] = "25" }));
        Assert.NotNull(doubs);
        Assert.Equal([eb, ed], doubs.Ids);
        Assert.Equal(4, doubs.Total);
        Assert.Equal(5, doubs.TypeTotal);
        Assert.Equal(4, doubs.Counts["departement"]["25"]); // own filter ignored
        Assert.Equal(1, doubs.Counts["departement"]["39"]);
        Assert.Equal(2, doubs.Counts["annee"]["2014"]); // other filters applied
        Assert.Equal(1, doubs.Counts["annee"]["2023"]);
    }

    [Fact]
    public async Task Answers_null_until_every_logged_change_is_in_the_index()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        Assert.Null(await ListAsync(tenant, Query())); // never built

        await Host.PublishAsync(tenant, "Première", year: 2020);
        await Host.CatchUpAsync(tenant);
        Assert.Equal(1, (await ListAsync(tenant, Query()))?.Total);

        await Host.PublishAsync(tenant, "Seconde", year: 2020);
        Assert.Null(await ListAsync(tenant, Query())); // published, not indexed yet: the database must answer

        await Host.CatchUpAsync(tenant);
        Assert.Equal(2, (await ListAsync(tenant, Query()))?.Total);
    }
}
