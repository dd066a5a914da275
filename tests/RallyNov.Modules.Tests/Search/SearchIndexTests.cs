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

    private static async IAsyncEnumerable<Document> Failing()
    {
        yield return new Document { new StringField(SearchFields.Id, "x", Field.Store.YES) };
        await Task.Yield();
        throw new IOException("disque plein");
    }
}
