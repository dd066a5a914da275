using System.Text.Json.Nodes;
using RallyNov.Core.Content;
using RallyNov.Core.Tests.Support;

namespace RallyNov.Core.Tests.Content;

public sealed class ContentVersioningTests : TenantTestBase
{
    [Fact]
    public async Task A_draft_is_visible_to_editors_only()
    {
        var draft = await SaveDraftAsync("Épicerie solidaire");

        Assert.False(draft.Published);
        Assert.True(draft.Latest);
        Assert.Null(await Contents.GetAsync(draft.ContentItemId, VersionOptions.Published, Ct));
        Assert.NotNull(await Contents.GetAsync(draft.ContentItemId, VersionOptions.Latest, Ct));
        Assert.NotNull(await Contents.GetAsync(draft.ContentItemId, VersionOptions.DraftRequired, Ct));
        Assert.Null(await Contents.GetBySlugAsync("epicerie-solidaire", VersionOptions.Published, Ct));
        Assert.Equal(draft.ContentItemId, (await Contents.GetBySlugAsync("epicerie-solidaire", VersionOptions.Latest, Ct))?.ContentItemId);

        Succeeded(await Contents.PublishLatestAsync(draft.ContentItemId, Ct));

        var live = await Contents.GetBySlugAsync("epicerie-solidaire", VersionOptions.Published, Ct);
        Assert.NotNull(live);
        Assert.Equal("Épicerie solidaire", live.DisplayText);
        Assert.NotNull(live.PublishedUtc);
        Assert.Null(await Contents.GetAsync(draft.ContentItemId, VersionOptions.DraftRequired, Ct));
    }

    [Fact]
    public async Task Query_counts_each_status()
    {
        await PublishAsync("Publié seul");
        await SaveDraftAsync("Brouillon seul");
        var both = await PublishAsync("Publié avec brouillon");
        var edit = await LatestAsync(both.ContentItemId);
        edit.Set("Summary", "Nouvelle version en préparation");
        Succeeded(await Contents.SaveDraftAsync(edit, Ct));
        var deleted = await PublishAsync("Supprimé");
        Succeeded(await Contents.DeleteAsync(deleted.ContentItemId, Ct));

        Assert.Equal(2, await CountAsync(ContentStatus.Published));
        Assert.Equal(3, await CountAsync(ContentStatus.Latest));
        Assert.Equal(2, await CountAsync(ContentStatus.Draft));
        Assert.Equal(1, await CountAsync(ContentStatus.PublishedWithDraft));
        Assert.Equal(1, await CountAsync(ContentStatus.Deleted));

        var withDraft = await Contents.QueryAsync(new ContentQuery { Status = ContentStatus.PublishedWithDraft }, Ct);
        Assert.Equal("Publié avec brouillon", Assert.Single(withDraft.Items).DisplayText);
    }

    [Fact]
    public async Task Each_save_makes_a_version_and_restoring_one_makes_a_new_draft()
    {
        var first = await SaveDraftAsync("Première", i => i.Set("Summary", "Résumé 1"));
        var second = await LatestAsync(first.ContentItemId);
        second.Set("Title", "Deuxième");
        second.Set("Summary", "Résumé 2");
        second = Succeeded(await Contents.SaveDraftAsync(second, Ct));
        var third = await LatestAsync(first.ContentItemId);
        third.Set("Title", "Troisième");
        third.Set("Summary", "Résumé 3");
        Succeeded(await Contents.PublishAsync(third, Ct));

        var versions = await Contents.GetVersionsAsync(first.ContentItemId, Ct);
        Assert.Equal([3, 2, 1], versions.Select(v => v.VersionNumber));
        Assert.Equal(3, versions.Select(v => v.ContentItemVersionId).Distinct().Count());
        Assert.Single(versions, v => v.Latest);
        Assert.True(versions[0].Published);

        var restored = Succeeded(await Contents.RestoreVersionAsync(first.ContentItemVersionId, Ct));

        Assert.Equal(4, restored.VersionNumber);
        Assert.False(restored.Published);
        Assert.Equal("Première", restored.DisplayText);
        Assert.Equal("Résumé 1", restored.GetString("Summary"));
        var live = await Contents.GetAsync(first.ContentItemId, VersionOptions.Published, Ct);
        Assert.Equal("Troisième", live?.DisplayText);
        Assert.Equal(4, (await Contents.GetVersionsAsync(first.ContentItemId, Ct)).Count);

        // History is never rewritten.
        var old = await Contents.GetVersionAsync(second.ContentItemVersionId, Ct);
        Assert.Equal("Résumé 2", old?.GetString("Summary"));
    }

    [Fact]
    public async Task A_type_that_is_not_versionable_updates_its_draft_in_place()
    {
        var note = await SaveDraftAsync("Note", type: "Note");
        var edit = await LatestAsync(note.ContentItemId);
        edit.Set("Summary", "Complétée");
        Succeeded(await Contents.SaveDraftAsync(edit, Ct));

        var version = Assert.Single(await Contents.GetVersionsAsync(note.ContentItemId, Ct));
        Assert.Equal("Complétée", version.GetString("Summary"));
    }

    [Fact]
    public async Task A_type_that_is_not_draftable_is_published_on_every_save()
    {
        var partner = Succeeded(await Contents.SaveDraftAsync(NewItem(Contents, "Partner", "Région BFC"), Ct));

        Assert.True(partner.Published);
        Assert.NotNull(await Contents.GetAsync(partner.ContentItemId, VersionOptions.Published, Ct));
    }

    [Theory]
    [InlineData("Year", 3000)]
    [InlineData("Title", null)]
    public async Task A_failed_publish_leaves_the_live_version_unchanged(string field, int? value)
    {
        var live = await PublishAsync("Version en ligne", i => i.Set("Year", 2020));
        var edit = await LatestAsync(live.ContentItemId);
        edit.Set("Summary", "Changement refusé");
        edit.Set(field, value is null ? null : JsonValue.Create(value.Value));

        var result = await Contents.PublishAsync(edit, Ct);

        Assert.Equal(ContentResultStatus.Invalid, result.Status);
        Assert.Null(result.Item);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Matches("obligatoire|compris entre 1990 et 2100", error.Message);
        var stillLive = await Contents.GetAsync(live.ContentItemId, VersionOptions.Published, Ct);
        Assert.NotNull(stillLive);
        Assert.Equal(live.ContentItemVersionId, stillLive.ContentItemVersionId);
        Assert.Equal("Version en ligne", stillLive.DisplayText);
        Assert.Null(stillLive.GetString("Summary"));
        Assert.Equal(2020, stillLive.Content["Year"]!.GetValue<int>());
        Assert.Single(await Contents.GetVersionsAsync(live.ContentItemId, Ct));
    }

    [Theory]
    [InlineData("Article")]
    [InlineData("Note")]
    [InlineData("Partner")]
    public async Task Saving_a_stale_copy_is_a_conflict(string type)
    {
        var item = Succeeded(await Contents.SaveDraftAsync(NewItem(Contents, type, "Original"), Ct));
        var mine = await LatestAsync(item.ContentItemId);
        var theirs = await LatestAsync(item.ContentItemId);
        mine.Set("Title", "Ma version");
        theirs.Set("Title", "Leur version");

        Succeeded(await Contents.SaveDraftAsync(mine, Ct));
        var second = await Contents.SaveDraftAsync(theirs, Ct);

        Assert.Equal(ContentResultStatus.Conflict, second.Status);
        Assert.Contains("modifié par quelqu'un d'autre", Assert.Single(second.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("Ma version", (await LatestAsync(item.ContentItemId)).DisplayText);
    }

    [Fact]
    public async Task Saving_a_new_item_twice_is_a_conflict_not_a_duplicate()
    {
        var item = NewItem(Contents, "Article", "Deux fois");
        Succeeded(await Contents.SaveDraftAsync(item, Ct));

        var again = await Contents.SaveDraftAsync(item, Ct);

        Assert.Equal(ContentResultStatus.Conflict, again.Status);
        Assert.Single(await Contents.GetVersionsAsync(item.ContentItemId, Ct));
    }

    [Fact]
    public async Task Unpublish_keeps_the_item_as_a_draft()
    {
        var item = await PublishAsync("Retiré");

        Succeeded(await Contents.UnpublishAsync(item.ContentItemId, Ct));

        Assert.Null(await Contents.GetAsync(item.ContentItemId, VersionOptions.Published, Ct));
        Assert.NotNull(await Contents.GetAsync(item.ContentItemId, VersionOptions.DraftRequired, Ct));
        Assert.Equal(ContentResultStatus.NotFound, (await Contents.UnpublishAsync(item.ContentItemId, Ct)).Status);
    }
}
