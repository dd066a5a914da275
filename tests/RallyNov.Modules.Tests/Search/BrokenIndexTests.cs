using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Tenants;
using RallyNov.Search.Lucene.Indexing;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

/// <summary>
/// Any failure while reading an index (a damaged file found by a search, not at start-up) marks it
/// broken: search answers "unavailable", lists read the database, suggestions are empty; the indexer
/// then replaces it by a new index built from the database, without opening the damaged files.
/// </summary>
public sealed class BrokenIndexTests : IAsyncLifetime
{
    private SearchTestHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task A_read_failure_marks_the_index_broken_until_the_indexer_replaces_and_rebuilds_it()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Recyclerie des Pentes", year: 2021);
        await Host.CatchUpAsync(tenant);
        Assert.Equal(1, (await Host.SearchAsync(tenant, "recyclerie")).Total);
        var damaged = Index(tenant);

        // What a truncated segment does to a read: an exception from deep inside Lucene.
        Assert.Throws<SearchIndexUnavailableException>(() => damaged.Search<int>(_ => throw new EndOfStreamException("read past EOF")));

        Assert.True(damaged.Broken);
        var search = await Host.SearchAsync(tenant, "recyclerie");
        Assert.True(search.Unavailable);
        Assert.Empty(search.Hits);
        Assert.Null(await ListAsync(tenant)); // the list reads the database meanwhile
        Assert.Empty(await Host.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<ISuggestionService>().Suggest("recy"))));
        Assert.Equal(SearchIndexStates.Broken, await Host.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<ISearchIndexer>().Info().State)));

        // The next pass of the indexer puts the files away and rebuilds from the database.
        await Host.CatchUpAsync(tenant);
        var rebuilt = Index(tenant);
        Assert.NotSame(damaged, rebuilt);
        Assert.True(rebuilt.Ready);
        Assert.Equal(1, (await Host.SearchAsync(tenant, "recyclerie")).Total);
        Assert.Equal(1, (await ListAsync(tenant))?.Total);
    }

    [Fact]
    public async Task A_failure_that_is_not_damage_leaves_the_index_serving()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Atelier vélo");
        await Host.CatchUpAsync(tenant);
        var index = Index(tenant);

        // A query too large, a bug: the files' checksums still match, so nothing is rebuilt
        // (a visitor's request must never be able to make the site throw its index away).
        Assert.Throws<InvalidOperationException>(() => index.Search<int>(_ => throw new InvalidOperationException("requête trop grande")));

        Assert.False(index.Broken);
        Assert.Equal(1, (await Host.SearchAsync(tenant, "atelier")).Total);
    }

    [Fact]
    public async Task A_database_put_back_in_time_makes_the_index_rebuild()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Conserverie mobile");
        await Host.CatchUpAsync(tenant);

        // A backup restored from before the index's last change: fewer tasks than its cursor.
        await Host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.RallyNovDbContext>();
            db.IndexingTasks.RemoveRange(db.IndexingTasks);
            db.ContentItems.RemoveRange(db.ContentItems);
            await db.SaveChangesAsync();
        });
        await Host.CatchUpAsync(tenant);

        Assert.Equal(0, (await Host.SearchAsync(tenant, "conserverie")).Total);
    }

    private TenantSearchIndex Index(TenantSettings tenant) =>
        Host.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<SearchIndexRegistry>().Get(sp.GetRequiredService<TenantContext>()))).GetAwaiter().GetResult();

    private Task<PublishedListPage?> ListAsync(TenantSettings tenant) =>
        Host.InTenantAsync(tenant, sp => sp.GetRequiredService<IPublishedListIndex>().QueryAsync(new PublishedListQuery
        {
            ContentType = SearchTestModule.TypeName,
            Facets = ["annee"],
            Take = 10,
        }, CancellationToken.None));
}
