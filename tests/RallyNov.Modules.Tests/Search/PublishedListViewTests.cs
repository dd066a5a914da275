using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RallyNov.Core.Content;
using RallyNov.Core.Tenants;
using RallyNov.Search.Lucene.Indexing;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

/// <summary>
/// Public lists answered from the list view kept per index reader: every change applied to the
/// index shows in the next answer (a new reader, a new view), and the view answers exactly what
/// the Lucene pass over the type answers.
/// </summary>
public sealed class PublishedListViewTests : IAsyncLifetime
{
    private SearchTestHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private static PublishedListQuery Query(int skip = 0, int take = 20, Dictionary<string, string>? filters = null) => new()
    {
        ContentType = SearchTestModule.TypeName,
        Filters = filters ?? [],
        Facets = ["departement", "annee"],
        SortByNumberDescending = "annee",
        Skip = skip,
        Take = take,
    };

    private async Task<PublishedListPage> ListAsync(TenantSettings tenant, PublishedListQuery query)
    {
        var page = await Host.InTenantAsync(tenant, sp => sp.GetRequiredService<IPublishedListIndex>().QueryAsync(query, CancellationToken.None));
        Assert.NotNull(page);
        return page;
    }

    private Task<PublishedListPage> DoubsAsync(TenantSettings tenant) => ListAsync(tenant, Query(filters: new() { ["departement"] = "25" }));

    private Task ChangeAsync(TenantSettings tenant, Func<IContentManager, Task<ContentResult>> change) =>
        Host.InTenantAsync(tenant, async sp =>
        {
            var result = await change(sp.GetRequiredService<IContentManager>());
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        });

    private Task SetDepartementsAsync(TenantSettings tenant, string id, params string[] departements) =>
        ChangeAsync(tenant, async contents =>
        {
            var item = await contents.GetAsync(id, VersionOptions.Latest, CancellationToken.None);
            item!.Content["Departement"] = new JsonArray([.. departements.Select(d => (JsonNode)JsonValue.Create(d))]);
            return await contents.PublishAsync(item, CancellationToken.None);
        });

    [Fact]
    public async Task Each_publish_unpublish_delete_and_value_change_shows_in_the_next_answer()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var a = await Host.PublishAsync(tenant, "Atelier", departement: "25", year: 2020);
        var b = await Host.PublishAsync(tenant, "Bricolage", departement: "25", year: 2021);
        await Host.CatchUpAsync(tenant);
        Assert.Equal([b, a], (await DoubsAsync(tenant)).Ids);

        var c = await Host.PublishAsync(tenant, "Cantine", departement: "25", year: 2022);
        await Host.CatchUpAsync(tenant);
        var published = await DoubsAsync(tenant);
        Assert.Equal([c, b, a], published.Ids);
        Assert.Equal(1, published.Counts["annee"]["2022"]);

        await ChangeAsync(tenant, contents => contents.UnpublishAsync(b, CancellationToken.None));
        await Host.CatchUpAsync(tenant);
        var unpublished = await DoubsAsync(tenant);
        Assert.Equal([c, a], unpublished.Ids);
        Assert.Equal(2, unpublished.TypeTotal);
        Assert.False(unpublished.Counts["annee"].ContainsKey("2021"));

        await ChangeAsync(tenant, contents => contents.DeleteAsync(c, CancellationToken.None));
        await Host.CatchUpAsync(tenant);
        Assert.Equal([a], (await DoubsAsync(tenant)).Ids);

        // A value moved (a thème, here a département): the item leaves one filter and joins another, counts follow.
        await SetDepartementsAsync(tenant, a, "39");
        await Host.CatchUpAsync(tenant);
        var moved = await DoubsAsync(tenant);
        Assert.Empty(moved.Ids);
        Assert.Equal(0, moved.Total);
        Assert.Equal(new Dictionary<string, int> { ["39"] = 1 }, moved.Counts["departement"]);
        Assert.Equal([a], (await ListAsync(tenant, Query(filters: new() { ["departement"] = "39" }))).Ids);
    }

    [Fact]
    public async Task Paging_beyond_the_end_and_a_value_no_item_has_answer_empty_pages_with_exact_counts()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Host.PublishAsync(tenant, "Initiative " + i, departement: i < 3 ? "25" : "39", year: 2020 + i));
        }

        await Host.CatchUpAsync(tenant);

        var last = await ListAsync(tenant, Query(skip: 4, take: 2));
        Assert.Equal([ids[0]], last.Ids);
        var beyond = await ListAsync(tenant, Query(skip: 20, take: 2));
        Assert.Empty(beyond.Ids);
        Assert.Equal(5, beyond.Total);

        var none = await ListAsync(tenant, Query(filters: new() { ["departement"] = "90" }));
        Assert.Empty(none.Ids);
        Assert.Equal(0, none.Total);
        Assert.Equal(5, none.TypeTotal);
        Assert.Equal(3, none.Counts["departement"]["25"]); // its own filter ignored
        Assert.Equal(2, none.Counts["departement"]["39"]);
        Assert.Empty(none.Counts["annee"]);

        var twoFilters = await ListAsync(tenant, Query(filters: new() { ["departement"] = "39", ["annee"] = "2023" }));
        Assert.Equal([ids[3]], twoFilters.Ids);
        Assert.Equal(new Dictionary<string, int> { ["39"] = 1 }, twoFilters.Counts["departement"]);
        Assert.Equal(new Dictionary<string, int> { ["2023"] = 1, ["2024"] = 1 }, twoFilters.Counts["annee"]);
    }

    [Fact]
    public async Task A_large_type_is_answered_by_the_Lucene_pass_while_its_view_is_built_then_by_the_view_with_the_same_answers()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        for (var i = 0; i < 30; i++)
        {
            await Host.PublishAsync(tenant, (i % 7) + " Initiative " + i, departement: (i % 3) switch { 0 => "25", 1 => "39", _ => "21" }, year: i % 4 == 0 ? null : 2010 + i % 5);
        }

        await Host.CatchUpAsync(tenant);
        var views = new PublishedListViews(NullLogger<PublishedListViews>.Instance) { InlineLimit = 0 };
        var index = await Host.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<SearchIndexRegistry>().Get(sp.GetRequiredService<TenantContext>())));
        var query = Query();
        Assert.Null(index.Search(searcher => views.Get(searcher, query))); // building in the background

        ListView? view = null;
        for (var attempt = 0; attempt < 100 && view is null; attempt++)
        {
            await Task.Delay(50);
            view = index.Search(searcher => views.Get(searcher, query));
        }

        Assert.NotNull(view);
        Assert.Equal(30, view.Count);
        PublishedListQuery[] queries =
        [
            Query(), Query(skip: 7, take: 5), Query(skip: 29, take: 5), Query(skip: 30),
            Query(filters: new() { ["departement"] = "39" }), Query(skip: 3, take: 4, filters: new() { ["annee"] = "2012" }),
            Query(filters: new() { ["departement"] = "21", ["annee"] = "2011" }), Query(filters: new() { ["departement"] = "70" }),
            Query(filters: new() { ["annee"] = "0" }),
        ];
        foreach (var q in queries)
        {
            var expected = index.Search(searcher => PublishedListIndex.Run(searcher, q));
            var actual = index.Search(searcher => views.Get(searcher, q)!.Answer(searcher, q));
            Assert.Equal(expected.Ids, actual.Ids);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.TypeTotal, actual.TypeTotal);
            foreach (var facet in q.Facets)
            {
                Assert.Equal(expected.Counts[facet].OrderBy(p => p.Key), actual.Counts[facet].OrderBy(p => p.Key));
            }
        }
    }
}
