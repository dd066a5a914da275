using Lucene.Net.Documents;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Tenants;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Modules.Tests.Search;

public sealed class SearchIndexTests : IAsyncLifetime
{
    private SearchTestHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task A_rebuild_that_dies_half_way_leaves_the_old_index_serving()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Ancienne ressourcerie");
        await Host.CatchUpAsync(tenant);

        await Host.InTenantAsync(tenant, async sp =>
        {
            var index = sp.GetRequiredService<SearchIndexRegistry>().Get(sp.GetRequiredService<TenantContext>());
            await Assert.ThrowsAsync<IOException>(() => index.ReplaceAllAsync(Failing(), 99, CancellationToken.None));
        });

        var result = await Host.SearchAsync(tenant, "ressourcerie");
        Assert.Equal(1, result.Total);

        // The index reopens and keeps following the log.
        await Host.PublishAsync(tenant, "Nouvelle ressourcerie");
        await Host.CatchUpAsync(tenant);
        Assert.Equal(2, (await Host.SearchAsync(tenant, "ressourcerie")).Total);
    }

    [Fact]
    public async Task Cursor_survives_a_restart_and_only_new_tasks_are_applied()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Conciergerie solidaire");
        await Host.CatchUpAsync(tenant);
        var cursor = await Host.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<SearchIndexRegistry>().Get(sp.GetRequiredService<TenantContext>()).Cursor));
        Assert.True(cursor > 0);

        Host.CloseIndexes();
        await Host.PublishAsync(tenant, "Conciergerie d'entreprise");
        var applied = await Host.InTenantAsync(tenant, sp => sp.GetRequiredService<ISearchIndexer>().CatchUpAsync(CancellationToken.None));
        Assert.Equal(1, applied); // not a rebuild: only the new item
        Assert.Equal(2, (await Host.SearchAsync(tenant, "conciergerie")).Total);
    }

    [Fact]
    public async Task A_rebuild_in_parts_keeps_the_parts_order_and_leaves_no_part_behind()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.InTenantAsync(tenant, async sp =>
        {
            var index = sp.GetRequiredService<SearchIndexRegistry>().Get(sp.GetRequiredService<TenantContext>());
            await index.ReplaceAllAsync([Numbered(0, 700), Numbered(700, 500), Numbered(1200, 300)], 7, CancellationToken.None);

            var ids = index.Search(searcher =>
            {
                var reader = searcher.IndexReader;
                return Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d).Get(SearchFields.Id)).ToList();
            });
            Assert.Equal(Enumerable.Range(0, 1500).Select(i => $"d{i:D5}"), ids);
            Assert.Equal(7, index.Cursor);
            Assert.Empty(System.IO.Directory.GetDirectories(Path.GetDirectoryName(index.Path)!, Path.GetFileName(index.Path) + ".part*"));
        });
    }

    [Fact]
    public async Task A_rebuild_whose_second_part_dies_leaves_the_old_index_serving_and_no_part_behind()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Ancienne ressourcerie");
        await Host.CatchUpAsync(tenant);

        await Host.InTenantAsync(tenant, async sp =>
        {
            var index = sp.GetRequiredService<SearchIndexRegistry>().Get(sp.GetRequiredService<TenantContext>());
            await Assert.ThrowsAsync<IOException>(() => index.ReplaceAllAsync([Numbered(0, 500), Failing()], 99, CancellationToken.None));
            Assert.Empty(System.IO.Directory.GetDirectories(Path.GetDirectoryName(index.Path)!, Path.GetFileName(index.Path) + ".part*"));
        });

        Assert.Equal(1, (await Host.SearchAsync(tenant, "ressourcerie")).Total);
    }

    [Fact]
    public async Task A_rebuild_in_parts_indexes_every_published_item_once_in_the_database_order()
    {
        // Two items per part: the parts and their bounds are used even on a handful of items.
        await using var host = new SearchTestHost(new Dictionary<string, string?> { ["RallyNov:Search:RebuildPartSize"] = "2" });
        var tenant = await host.CreateTenantAsync("Alpha");
        var published = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var id = await host.PublishAsync(tenant, $"Ressourcerie {i}", publish: i != 4);
            if (i != 4)
            {
                published.Add(id);
            }
        }

        var count = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<ISearchIndexer>().RebuildAsync(null, CancellationToken.None));
        Assert.Equal(8, count);
        await host.InTenantAsync(tenant, sp =>
        {
            var index = sp.GetRequiredService<SearchIndexRegistry>().Get(sp.GetRequiredService<TenantContext>());
            var ids = index.Search(searcher =>
            {
                var reader = searcher.IndexReader;
                return Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d).Get(SearchFields.Id)).ToList();
            });
            Assert.Equal(published, ids);
            return Task.CompletedTask;
        });
        Assert.Equal(8, (await host.SearchAsync(tenant, "ressourcerie")).Total);
    }

    private static async IAsyncEnumerable<Document> Numbered(int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            if (i % 100 == 0)
            {
                await Task.Yield();
            }

            yield return new Document { new StringField(SearchFields.Id, $"d{i:D5}", Field.Store.YES) };
        }
    }

    private static async IAsyncEnumerable<Document> Failing()
    {
        yield return new Document { new StringField(SearchFields.Id, "x", Field.Store.YES) };
        await Task.Yield();
        throw new IOException("disque plein");
    }
}
