using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;
using static RallyNov.Integration.Tests.Contents.EditorHelpers;

namespace RallyNov.Integration.Tests.Site;

/// <summary>
/// Detail pages read their item (and its referrers and related items) from published items kept
/// per tenant version (IPublishedItems): an edit, an unpublication, a deletion or a restore must
/// show on the very next request, every time. Each visit has a query string of its own, so it is a
/// render (no output cache hit, checked by the missing <c>Age</c> header).
/// </summary>
[Collection(UsersAppGroup.Name)]
public sealed class PublishedItemsTests(UsersAppFactory app)
{
    [Theory]
    [InlineData("Initiative", "/initiatives/", "Body")]
    [InlineData("Laureate", "/laureats/", "Body")]
    [InlineData("Event", "/evenements/", "Summary")]
    [InlineData("Partner", "/partenaires/", "Description")]
    [InlineData("Page", "/pages/", "Body")]
    [InlineData("News", "/actualites/", "Body")]
    public async Task An_edit_of_a_published_item_shows_on_the_next_request_of_its_page_every_time(string type, string path, string field)
    {
        var (id, slug) = await DraftOfAsync(type);
        var url = Prefix + path + slug;
        var (editor, _) = await SignedInAsync(app, "Editor");
        using (editor)
        {
            for (var round = 1; round <= 3; round++)
            {
                var text = $"Texte {round} {Guid.NewGuid():N}";
                using (var saved = await SaveAsync(editor, id, "publish", ("f." + field, field == "Body" ? $"<p>{text}</p>" : text)))
                {
                    Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
                }

                // At once, then again (the second request reads what the first kept).
                Assert.Contains(text, await RenderAsync(url), StringComparison.Ordinal);
                Assert.Contains(text, await RenderAsync(url), StringComparison.Ordinal);
            }

            using (var unpublished = await editor.SubmitAsync(EditUrl(id), $"{Prefix}/admin/contents/{id}/unpublish", []))
            {
                Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(url));

            var last = $"Republié {Guid.NewGuid():N}";
            using (var republished = await SaveAsync(editor, id, "publish", ("f." + field, field == "Body" ? $"<p>{last}</p>" : last)))
            {
                Assert.Equal(HttpStatusCode.Redirect, republished.StatusCode);
            }

            Assert.Contains(last, await RenderAsync(url), StringComparison.Ordinal);

            var confirm = await editor.GetPageAsync($"{Prefix}/admin/contents/{id}/delete");
            using (var deleted = await editor.SubmitAsync(HtmlForm.Find(confirm, $"{Prefix}/admin/contents/{id}/delete", $"{Prefix}/admin/contents/{id}/delete"), []))
            {
                Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(url));
        }
    }

    /// <summary>
    /// An initiative's « Sur les mêmes thèmes » block is ranked once per tenant version and item
    /// and kept: an edit of a related initiative (its title, then its thèmes) must show on the
    /// referring page at the next render, before and after the index has applied the edit.
    /// </summary>
    [Fact]
    public async Task An_edit_of_a_related_initiative_shows_on_the_referring_page_at_once()
    {
        string[] themes = ["competences", "gouvernance-dialogue-social"];
        var (referring, slug) = await DraftOfAsync("Initiative", themes);
        var (related, _) = await DraftOfAsync("Initiative", themes);
        var url = Prefix + "/initiatives/" + slug;
        var (editor, _) = await SignedInAsync(app, "Editor");
        using (editor)
        {
            await PublishAsync(editor, referring, ("f.Title", "Référente " + Guid.NewGuid().ToString("N")));
            var title = "Voisine " + Guid.NewGuid().ToString("N");
            await PublishAsync(editor, related, ("f.Title", title));
            await ListIndexHoldsAsync(app, related, 200);
            Assert.Contains(title, await RenderAsync(url), StringComparison.Ordinal);
            Assert.Contains(title, await RenderAsync(url), StringComparison.Ordinal); // the ranked list is kept now

            var renamed = "Voisine renommée " + Guid.NewGuid().ToString("N");
            await PublishAsync(editor, related, ("f.Title", renamed));
            Assert.Contains(renamed, await RenderAsync(url), StringComparison.Ordinal);
            await ListIndexHoldsAsync(app, related, 200);
            var indexed = await RenderAsync(url);
            Assert.Contains(renamed, indexed, StringComparison.Ordinal);
            Assert.DoesNotContain(title, indexed, StringComparison.Ordinal);

            // No thème in common any more: it leaves the block at once, and stays out once indexed.
            await PublishAsync(editor, related, ("f.Themes", "handicap"));
            Assert.DoesNotContain(renamed, await RenderAsync(url), StringComparison.Ordinal);
            await ListIndexHoldsAsync(app, related, 200);
            Assert.DoesNotContain(renamed, await RenderAsync(url), StringComparison.Ordinal);
            Assert.DoesNotContain(renamed, await RenderAsync(url), StringComparison.Ordinal);

            // Back on the same thèmes: it comes back at once.
            await PublishAsync(editor, related, ("f.Themes", themes[0]));
            Assert.Contains(renamed, await RenderAsync(url), StringComparison.Ordinal);
            await ListIndexHoldsAsync(app, related, 200);
            Assert.Contains(renamed, await RenderAsync(url), StringComparison.Ordinal);
        }
    }

    private static async Task PublishAsync(TestBrowser editor, string id, params (string Name, string Value)[] fields)
    {
        using var saved = await SaveAsync(editor, id, "publish", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private async Task<(string Id, string Slug)> DraftOfAsync(string type, string[]? themes = null)
    {
        await using var scope = app.Scope(Tenant);
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = contents.New(type);
        item.Set("Title", "Fiche " + type + " " + Guid.NewGuid().ToString("N")[..8]);
        if (type == "Laureate")
        {
            item.Set("PrizeYear", 2023);
        }

        if (themes is not null)
        {
            item.Set("Themes", new System.Text.Json.Nodes.JsonArray([.. themes.Select(t => (System.Text.Json.Nodes.JsonNode?)t)]));
            item.Set("YearIdentified", 2100);
        }

        item.Owner = item.Author = "admin";
        var result = await contents.SaveDraftAsync(item, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.False(string.IsNullOrEmpty(result.Item!.Slug));
        return (result.Item.ContentItemId, result.Item.Slug!);
    }

    private async Task<string> RenderAsync(string url)
    {
        using var client = app.Client();
        using var response = await client.GetAsync(url + "?rendu=" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Age);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpStatusCode> StatusAsync(string url)
    {
        using var client = app.Client();
        using var response = await client.GetAsync(url + "?rendu=" + Guid.NewGuid().ToString("N"));
        return response.StatusCode;
    }
}
