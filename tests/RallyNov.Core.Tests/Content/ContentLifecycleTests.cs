using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Indexing;
using RallyNov.Core.Tests.Support;

namespace RallyNov.Core.Tests.Content;

public sealed class ContentLifecycleTests : TenantTestBase
{
    [Fact]
    public async Task Publish_unpublish_and_delete_append_indexing_tasks_but_drafts_do_not()
    {
        var item = await SaveDraftAsync("Indexé");
        var edit = await LatestAsync(item.ContentItemId);
        edit.Set("Summary", "Encore un brouillon");
        Succeeded(await Contents.SaveDraftAsync(edit, Ct));
        Assert.Empty(await RowsAsync(db => db.IndexingTasks));

        Succeeded(await Contents.PublishLatestAsync(item.ContentItemId, Ct));
        Succeeded(await Contents.UnpublishAsync(item.ContentItemId, Ct));
        var again = await LatestAsync(item.ContentItemId);
        Succeeded(await Contents.PublishAsync(again, Ct));
        Succeeded(await Contents.DeleteAsync(item.ContentItemId, Ct));

        var tasks = await RowsAsync(db => db.IndexingTasks.OrderBy(t => t.Id));
        Assert.Equal(
            [IndexingTaskKind.Publish, IndexingTaskKind.Unpublish, IndexingTaskKind.Publish, IndexingTaskKind.Delete],
            tasks.Select(t => t.Kind));
        Assert.All(tasks, t => Assert.Equal(item.ContentItemId, t.ContentItemId));
        Assert.All(tasks, t => Assert.Equal("Article", t.ContentType));
        Assert.True(tasks.Zip(tasks.Skip(1)).All(p => p.First.Id < p.Second.Id));
    }

    [Fact]
    public async Task All_published_lists_only_live_items_of_the_type_by_title_in_one_call()
    {
        await PublishAsync("Zèbre");
        await PublishAsync("Abeille");
        await SaveDraftAsync("Brouillon");
        var deleted = await PublishAsync("Supprimé");
        Assert.True((await Contents.DeleteAsync(deleted.ContentItemId, Ct)).Succeeded);

        var all = await Contents.AllPublishedAsync("Article", Ct);

        Assert.Equal(["Abeille", "Zèbre"], all.Select(i => i.DisplayText));
        Assert.Empty(await Contents.AllPublishedAsync("Note", Ct));
    }

    [Fact]
    public async Task A_failed_publish_writes_no_indexing_task()
    {
        var item = await SaveDraftAsync("Brouillon");
        var edit = await LatestAsync(item.ContentItemId);
        edit.Set("Year", 1800);

        Assert.False((await Contents.PublishAsync(edit, Ct)).Succeeded);

        Assert.Empty(await RowsAsync(db => db.IndexingTasks));
    }

    [Fact]
    public async Task Delete_is_soft_and_restore_brings_the_item_back_as_a_draft()
    {
        var item = await PublishAsync("À la corbeille", i => i.Set("Summary", "Gardé"));
        await PublishAsync("Reste en ligne");

        Succeeded(await Contents.DeleteAsync(item.ContentItemId, Ct));

        Assert.Null(await Contents.GetAsync(item.ContentItemId, VersionOptions.Latest, Ct));
        Assert.Null(await Contents.GetAsync(item.ContentItemId, VersionOptions.Published, Ct));
        Assert.Null(await Contents.GetBySlugAsync("a-la-corbeille", VersionOptions.Latest, Ct));
        Assert.Equal(1, await CountAsync(ContentStatus.Latest));
        Assert.Equal(1, await CountAsync(ContentStatus.Published));
        var bin = await Contents.QueryAsync(new ContentQuery { Status = ContentStatus.Deleted }, Ct);
        Assert.Equal(item.ContentItemId, Assert.Single(bin.Items).ContentItemId);
        Assert.NotEmpty(await RowsAsync(db => db.ContentItems.Where(x => x.ContentItemId == item.ContentItemId)));
        Assert.Equal(ContentResultStatus.NotFound, (await Contents.DeleteAsync(item.ContentItemId, Ct)).Status);

        var restored = Succeeded(await Contents.RestoreDeletedAsync(item.ContentItemId, Ct));

        Assert.False(restored.Published);
        Assert.Null(await Contents.GetAsync(item.ContentItemId, VersionOptions.Published, Ct));
        var latest = await LatestAsync(item.ContentItemId);
        Assert.Equal("Gardé", latest.GetString("Summary"));
        Assert.Equal(0, await CountAsync(ContentStatus.Deleted));
        Assert.Equal(2, await CountAsync(ContentStatus.Latest));
        Assert.Equal(ContentResultStatus.NotFound, (await Contents.RestoreDeletedAsync(item.ContentItemId, Ct)).Status);
    }

    [Fact]
    public async Task A_deleted_item_cannot_be_saved_from_an_old_copy()
    {
        var item = await PublishAsync("Supprimé");
        var copy = await LatestAsync(item.ContentItemId);
        Succeeded(await Contents.DeleteAsync(item.ContentItemId, Ct));

        var result = await Contents.SaveDraftAsync(copy, Ct);

        Assert.Equal(ContentResultStatus.NotFound, result.Status);
        Assert.Equal(0, await CountAsync(ContentStatus.Latest));
    }

    [Fact]
    public async Task A_deleted_slug_is_free_and_restore_picks_another_one()
    {
        var first = await PublishAsync("Même titre");
        Succeeded(await Contents.DeleteAsync(first.ContentItemId, Ct));
        var second = await PublishAsync("Même titre");
        Assert.Equal("meme-titre", second.Slug);

        var restored = Succeeded(await Contents.RestoreDeletedAsync(first.ContentItemId, Ct));

        Assert.Equal("meme-titre-2", restored.Slug);
        var stored = await LatestAsync(first.ContentItemId);
        Assert.Equal("meme-titre-2", stored.Slug);
        Assert.Equal("meme-titre-2", stored.GetString("Slug"));
        Assert.Equal(second.ContentItemId, (await Contents.GetBySlugAsync("meme-titre", VersionOptions.Latest, Ct))?.ContentItemId);
    }

    [Fact]
    public async Task Tenants_never_see_each_others_content()
    {
        var item = await PublishAsync("Seulement dans Alpha");
        var beta = await Host.CreateTenantAsync("Beta");

        await using (var scope = Host.CreateScope(beta))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            Assert.Null(await contents.GetAsync(item.ContentItemId, VersionOptions.Latest, Ct));
            Assert.Null(await contents.GetAsync(item.ContentItemId, VersionOptions.Published, Ct));
            Assert.Null(await contents.GetBySlugAsync("seulement-dans-alpha", VersionOptions.Published, Ct));
            Assert.Empty((await contents.GetManyAsync([item.ContentItemId], VersionOptions.Latest, Ct)).Values);
            Assert.Equal(0, (await contents.QueryAsync(new ContentQuery { Status = ContentStatus.Latest }, Ct)).Total);

            // The same slug is free in the other tenant.
            var twin = Succeeded(await contents.PublishAsync(NewItem(contents, "Article", "Seulement dans Alpha"), Ct));
            Assert.Equal("seulement-dans-alpha", twin.Slug);
        }

        Assert.Equal(1, await CountAsync(ContentStatus.Published));
        Assert.True(File.Exists(Host.Store.PathsFor("Alpha").SqliteDatabase));
        Assert.True(File.Exists(Host.Store.PathsFor("Beta").SqliteDatabase));
        Assert.NotEqual(Host.Store.PathsFor("Alpha").SqliteDatabase, Host.Store.PathsFor("Beta").SqliteDatabase);
    }

    [Fact]
    public async Task Lists_are_paged()
    {
        for (var i = 1; i <= 25; i++)
        {
            await PublishAsync($"Article {i:00}");
        }

        await SaveDraftAsync("Brouillon hors liste publiée");

        var pages = new List<PagedResult<ContentItem>>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await Contents.QueryAsync(new ContentQuery { Status = ContentStatus.Published, Order = ContentOrder.TitleAscending, Page = page, PageSize = 10 }, Ct));
        }

        Assert.All(pages, p => Assert.Equal(25, p.Total));
        Assert.All(pages, p => Assert.Equal(3, p.PageCount));
        Assert.Equal([10, 10, 5, 0], pages.Select(p => p.Items.Count));
        var titles = pages.SelectMany(p => p.Items).Select(i => i.DisplayText).ToList();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"Article {i:00}"), titles);
    }

    [Fact]
    public async Task Lists_filter_by_type_title_and_owner()
    {
        await PublishAsync("Épicerie solidaire");
        await PublishAsync("Garage solidaire", type: "Partner");
        var owned = NewItem(Contents, "Article", "Ressourcerie 100% locale");
        owned.Owner = "marie";
        Succeeded(await Contents.PublishAsync(owned, Ct));

        async Task<int> Count(ContentQuery q) => (await Contents.QueryAsync(q, Ct)).Total;

        Assert.Equal(2, await Count(new ContentQuery { ContentTypes = ["Article"] }));
        Assert.Equal(2, await Count(new ContentQuery { Title = "SOLIDAIRE" }));
        Assert.Equal(1, await Count(new ContentQuery { Title = "100%" }));
        // "%" is a literal, not a wildcard that would match "Épicerie solidaire".
        Assert.Equal(0, await Count(new ContentQuery { Title = "e%l" }));
        Assert.Equal(1, await Count(new ContentQuery { Owner = "marie" }));
    }
}
